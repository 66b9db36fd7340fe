import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { embedProvider, frameProvider, matchEmbedUrl } from "@/lib/embeds/providers";
import type { EmbedAttrs } from "./embed";
import { isStoryMediaPath } from "./media-path";

const EMBED_TEXT_LIMITS = { title: 500, author: 200 } as const;
const MIN_ASPECT_RATIO = 0.25;
const MAX_ASPECT_RATIO = 5;

const isDimension = (value: unknown) => value === null || (Number.isInteger(value) && (value as number) > 0);

/**
 * An embed must come from the allowlist: its link is one provider's (in the canonical form the
 * editor stores), and its player address is that provider's, so a hand-made document cannot put
 * any other page into a reader's browser.
 */
export function checkEmbed(node: ProseMirrorNode): string | null {
  const attrs = node.attrs as EmbedAttrs;
  const provider = embedProvider(attrs.provider);
  const match = matchEmbedUrl(attrs.url);
  if (!provider || !match || match.provider !== provider || match.url !== attrs.url) {
    return "An embed must be a link from one of the providers Masthead embeds (YouTube, Vimeo, X, Bluesky, Instagram, TikTok, SoundCloud, Spotify, Datawrapper, Flourish, Google Maps).";
  }
  if (frameProvider(attrs.frameSrc) !== provider || (match.frameSrc !== null && match.frameSrc !== attrs.frameSrc)) {
    return `An embed's player address must be the one ${provider.name} gives for its link.`;
  }
  for (const [name, limit] of Object.entries(EMBED_TEXT_LIMITS)) {
    if (String(attrs[name as keyof typeof EMBED_TEXT_LIMITS]).length > limit) return `An embed's ${name} is too long: the limit is ${limit} characters.`;
  }
  if (attrs.thumbnail !== "" && !isStoryMediaPath(attrs.thumbnail)) {
    return "An embed's thumbnail must be one stored by this newsroom (its address must start with /media/).";
  }
  if (!isDimension(attrs.thumbnailWidth) || !isDimension(attrs.thumbnailHeight)) {
    return "An embed's thumbnail width and height must be whole numbers of pixels.";
  }
  const ratio = attrs.aspectRatio;
  if (ratio !== null && !(Number.isFinite(ratio) && ratio >= MIN_ASPECT_RATIO && ratio <= MAX_ASPECT_RATIO)) {
    return `An embed's aspect ratio must be between ${MIN_ASPECT_RATIO} and ${MAX_ASPECT_RATIO}.`;
  }
  return null;
}
