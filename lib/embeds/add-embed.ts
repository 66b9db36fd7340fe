import "server-only";
import type { EmbedAttrs } from "@/lib/story-body/embed";
import { ImageRejected } from "@/lib/media/process-image";
import { MediaStorageUnavailable } from "@/lib/media/storage";
import { storeUpload } from "@/lib/media/upload";
import { type FetchDeps, FetchRefused, defaultFetchDeps } from "./guarded-fetch";
import { embedAttrsOf, fetchOembed, fetchThumbnail } from "./oembed";
import { EMBED_PROVIDERS, matchEmbedUrl } from "./providers";

export type AddedEmbed = { ok: true; embed: EmbedAttrs } | { ok: false; error: string };

const PROVIDER_NAMES = EMBED_PROVIDERS.map((provider) => provider.name).join(", ");

/**
 * Turns a link into an embed: the provider's metadata through its oEmbed endpoint, and its
 * thumbnail copied into our media store, so a reader's browser never asks the provider for
 * anything before the reader does. Any failure is a sentence; the link itself is never lost.
 */
export async function addEmbed(link: string, uploaderId: string, deps: FetchDeps = defaultFetchDeps()): Promise<AddedEmbed> {
  const match = matchEmbedUrl(link);
  if (!match) return { ok: false, error: `This link cannot be embedded: only links from ${PROVIDER_NAMES} can. It stays a link.` };
  const name = match.provider.name;
  let answer = null;
  if (match.provider.oembedUrl) {
    try {
      answer = await fetchOembed(match, deps);
    } catch (error) {
      if (!(error instanceof FetchRefused)) throw error;
      return { ok: false, error: `${name} did not describe this link (${error.message}) It stays a link; try the Embed button again later.` };
    }
  }
  const embed = embedAttrsOf(match, answer);
  if (!embed) return { ok: false, error: `${name} did not say how to show this post. It stays a link.` };
  const thumbnail = await fetchThumbnail(match.provider, answer, deps);
  if (thumbnail) {
    try {
      const stored = await storeUpload(thumbnail, `${match.provider.id}-thumbnail`, uploaderId);
      return { ok: true, embed: { ...embed, thumbnail: stored.src, thumbnailWidth: stored.width, thumbnailHeight: stored.height } };
    } catch (error) {
      // A thumbnail that is not an image we accept, or a store that is down, leaves the facade without a picture, nothing worse.
      if (!(error instanceof ImageRejected || error instanceof MediaStorageUnavailable)) throw error;
    }
  }
  return { ok: true, embed };
}
