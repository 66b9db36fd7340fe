import "server-only";
import { DomUtils, parseDocument } from "htmlparser2";
import { z } from "@/lib/zod";
import type { EmbedAttrs } from "@/lib/story-body/embed";
import { type FetchDeps, FetchRefused, defaultFetchDeps, guardedFetch } from "./guarded-fetch";
import type { EmbedMatch, EmbedProvider } from "./providers";

export const OEMBED_LIMITS = { maxBytes: 256 * 1024, timeoutMs: 5_000 };
export const THUMBNAIL_LIMITS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 8_000 };

const size = z.union([z.number(), z.string()]).nullish();
// Only the fields we keep; providers send more, and some send sizes as strings ("100%").
const oembedAnswer = z.object({
  title: z.string().nullish(),
  author_name: z.string().nullish(),
  html: z.string().nullish(),
  width: size,
  height: size,
  thumbnail_url: z.string().nullish(),
  thumbnail_width: size,
  thumbnail_height: size,
});

export type OembedAnswer = z.output<typeof oembedAnswer>;

const pixels = (value: unknown) => {
  const number = typeof value === "string" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) && number > 0 ? number : null;
};

/** Width over height from the player's size, else the thumbnail's, else the provider's usual shape; kept within what validation accepts. */
function aspectRatioOf(provider: EmbedProvider, answer: OembedAnswer | null): number {
  const [width, height] = [pixels(answer?.width), pixels(answer?.height)];
  const [thumbWidth, thumbHeight] = [pixels(answer?.thumbnail_width), pixels(answer?.thumbnail_height)];
  const ratio = width && height ? width / height : thumbWidth && thumbHeight && provider.id === "tiktok" ? thumbWidth / thumbHeight : provider.aspectRatio;
  return Math.round(Math.min(5, Math.max(0.25, ratio)) * 10_000) / 10_000;
}

const onHostOf = (hosts: readonly string[]) => (hostname: string) => hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`));

/** The provider's oEmbed answer for a matched link; throws FetchRefused with a sentence when there is none to be had. */
export async function fetchOembed(match: EmbedMatch, deps: FetchDeps = defaultFetchDeps()): Promise<OembedAnswer> {
  const endpoint = match.provider.oembedUrl!(match.url);
  const { bytes } = await guardedFetch(endpoint, { ...OEMBED_LIMITS, allowHost: (host) => host === new URL(endpoint).hostname }, deps);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new FetchRefused(`${match.provider.name} sent an answer that is not oEmbed.`);
  }
  const parsed = oembedAnswer.safeParse(json);
  if (!parsed.success) throw new FetchRefused(`${match.provider.name} sent an answer that is not oEmbed.`);
  return parsed.data;
}

/** The thumbnail's bytes, from the provider's own image hosts only; null when there is none or it cannot be had. */
export async function fetchThumbnail(provider: EmbedProvider, answer: OembedAnswer | null, deps: FetchDeps = defaultFetchDeps()): Promise<Buffer | null> {
  const url = answer?.thumbnail_url;
  if (!url || provider.thumbnailHosts.length === 0) return null;
  try {
    return (await guardedFetch(url, { ...THUMBNAIL_LIMITS, allowHost: onHostOf(provider.thumbnailHosts) }, deps)).bytes;
  } catch (error) {
    if (error instanceof FetchRefused) return null;
    throw error;
  }
}

/** Posts (X, Bluesky) have no title: their first paragraph stands in, as text. */
function postText(html: string | null | undefined): string {
  if (!html) return "";
  const paragraph = DomUtils.findOne((element) => element.name === "p", parseDocument(html).children);
  return paragraph ? DomUtils.textContent(paragraph).replace(/\s+/g, " ") : "";
}

/** The node's attributes from the link and the provider's answer (null for providers without oEmbed), thumbnail not yet stored. */
export function embedAttrsOf(match: EmbedMatch, answer: OembedAnswer | null): EmbedAttrs | null {
  const frameSrc = match.frameSrc ?? (answer?.html ? (match.provider.frameFromOembedHtml?.(answer.html) ?? null) : null);
  if (!frameSrc) return null;
  return {
    provider: match.provider.id,
    url: match.url,
    frameSrc,
    title: (answer?.title || postText(answer?.html)).trim().slice(0, 500),
    author: (answer?.author_name ?? "").trim().slice(0, 200),
    thumbnail: "",
    thumbnailWidth: null,
    thumbnailHeight: null,
    aspectRatio: aspectRatioOf(match.provider, answer),
  };
}
