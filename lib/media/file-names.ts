import { publicMediaUrl } from "./public-url";

/**
 * How stored media files are named, shared by the pipeline (which writes them) and the media
 * route (which serves them), so the two can never disagree about what is a valid file.
 */
export const IMAGE_FORMATS = {
  jpeg: { extension: "jpg", mimeType: "image/jpeg" },
  png: { extension: "png", mimeType: "image/png" },
  webp: { extension: "webp", mimeType: "image/webp" },
  gif: { extension: "gif", mimeType: "image/gif" },
  avif: { extension: "avif", mimeType: "image/avif" },
} as const;

export type ImageFormat = keyof typeof IMAGE_FORMATS;

export const VARIANT_WIDTHS = [480, 960, 1600] as const;

// Lower case only, as crypto.randomUUID() writes them: one URL per file, whatever the filesystem.
const MEDIA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MEDIA_FILE = /^(?:original\.(jpg|png|webp|gif|avif)|w[1-9][0-9]{0,4}\.webp)$/;

const MIME_BY_EXTENSION: Record<string, string> = Object.fromEntries(
  Object.values(IMAGE_FORMATS).map(({ extension, mimeType }) => [extension, mimeType]),
);

export function isMediaId(id: string): boolean {
  return MEDIA_ID.test(id);
}

export function originalFileName(format: ImageFormat): string {
  return `original.${IMAGE_FORMATS[format].extension}`;
}

export function variantFileName(width: number): string {
  return `w${width}.webp`;
}

/** Widths of the WebP variants: never wider than the original, and always at least one. */
export function variantWidths(originalWidth: number): number[] {
  const fitting = VARIANT_WIDTHS.filter((width) => width <= originalWidth);
  return fitting.length > 0 ? fitting : [originalWidth];
}

/** The Content-Type to serve a file with, or null when the name is not one the pipeline writes. */
export function mediaContentType(file: string): string | null {
  if (!MEDIA_FILE.test(file)) return null;
  return MIME_BY_EXTENSION[file.slice(file.lastIndexOf(".") + 1)] ?? null;
}

/** The public path of a stored file, the form story bodies reference (see lib/story-body/media-path.ts). */
export function mediaPath(id: string, file: string): string {
  return `/media/${id}/${file}`;
}

/**
 * The file pages and story bodies show for a media item: its largest variant. Derived from the
 * width stored with the item (as displayed), the same width the pipeline chose variants by.
 */
export function displayFileName(width: number): string {
  return variantFileName(variantWidths(width).at(-1)!);
}

/** Where pages load a media item from (see lib/media/public-url.ts). */
export function displaySrc(id: string, width: number): string {
  return publicMediaUrl(mediaPath(id, displayFileName(width)));
}

/** What small images (avatars, the logo) show: the narrowest variant, enough for a few dozen pixels. */
export function smallSrc(id: string, width: number): string {
  return publicMediaUrl(mediaPath(id, variantFileName(variantWidths(width)[0])));
}
