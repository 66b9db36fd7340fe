import sharp, { type Metadata, type Sharp } from "sharp";
import { IMAGE_FORMATS, type ImageFormat, variantWidths } from "./file-names";
import { sniffImageFormat } from "./sniff-format";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_SIDE_PIXELS = 12_000;
/** For an animation, all frames together: each one is decoded. */
export const MAX_TOTAL_PIXELS = 100_000_000;

/** The upload is not an image we accept; `message` is meant for the person who uploaded it. */
export class ImageRejected extends Error {
  override name = "ImageRejected";
}

export type ProcessedImage = {
  format: ImageFormat;
  mimeType: string;
  /** As displayed, after EXIF orientation is applied (orientations 5–8 swap the sides). */
  width: number;
  height: number;
  animated: boolean;
  /** The upload re-encoded in its own format: what is stored and served as the original. */
  original: Buffer;
  variants: { width: number; bytes: Buffer }[];
};

const NOT_AN_IMAGE = "This file is not a JPEG, PNG, WebP, GIF or AVIF image.";
const DAMAGED = "The image could not be read: the file is damaged or incomplete.";
const number = (n: number) => n.toLocaleString("en-US");

/**
 * Checks an upload and turns it into the files we store. Nothing the uploader sent is kept as is:
 * every file is re-encoded by sharp, which drops EXIF (GPS!), XMP and IPTC (sharp keeps no metadata
 * unless asked, and we never ask), and anything appended after the image data (HTML, ZIP polyglots).
 * Animated GIF and WebP stay animated: the original keeps its format, the variants are animated WebP.
 */
export async function processUpload(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) throw new ImageRejected("The file is empty.");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ImageRejected(`The image is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  const format = sniffImageFormat(bytes);
  if (!format) throw new ImageRejected(NOT_AN_IMAGE);
  const header = await readHeader(bytes);
  // The magic bytes and the decoder must agree, e.g. a HEIC file dressed up with an "avif" brand.
  if (formatOf(header) !== format) throw new ImageRejected(NOT_AN_IMAGE);
  const animated = (format === "gif" || format === "webp") && (header.pages ?? 1) > 1;
  const frame = { width: header.width, height: header.pageHeight ?? header.height };
  checkDimensions(frame, animated ? header.pages! : 1);

  const turned = (header.orientation ?? 1) >= 5;
  const shown = turned ? { width: frame.height, height: frame.width } : frame;

  // failOn "error" refuses truncated and corrupt pixel data; "warning" would also refuse real-world
  // files with harmless quirks (e.g. libpng's "known incorrect sRGB profile").
  const decode = () =>
    sharp(bytes, { failOn: "error", limitInputPixels: MAX_TOTAL_PIXELS, animated, autoOrient: true }).timeout({ seconds: 60 });
  try {
    const original = await encodeAs(decode(), format).toBuffer();
    const variants = [];
    // One after another: each decodes the whole image, and uploads may be up to 100 megapixels.
    for (const width of variantWidths(shown.width)) {
      const resized = decode().resize({ width, withoutEnlargement: true }).webp({ quality: 82 });
      variants.push({ width, bytes: await resized.toBuffer() });
    }
    return {
      format,
      mimeType: IMAGE_FORMATS[format].mimeType,
      width: shown.width,
      height: shown.height,
      animated,
      original,
      variants,
    };
  } catch (error) {
    if (/timeout/i.test(String(error))) throw new ImageRejected("The image took too long to process.");
    throw new ImageRejected(DAMAGED);
  }
}

async function readHeader(bytes: Buffer): Promise<Metadata> {
  try {
    // Only the header is read here, so no pixel limit yet: checkDimensions gives the clearer message.
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejected(DAMAGED);
  }
}

function formatOf(header: Metadata): ImageFormat | null {
  if (header.format === "heif") return header.compression === "av1" ? "avif" : null;
  return header.format in IMAGE_FORMATS ? (header.format as ImageFormat) : null;
}

/** Decided from the header, before any pixel is decoded: a 30,000-px-wide "bomb" costs nothing. */
function checkDimensions({ width, height }: { width: number; height: number }, frames: number): void {
  if (width > MAX_SIDE_PIXELS || height > MAX_SIDE_PIXELS) {
    throw new ImageRejected(
      `The image is ${number(width)} × ${number(height)} pixels; the largest accepted is ${number(MAX_SIDE_PIXELS)} pixels on each side.`,
    );
  }
  if (width * height * frames > MAX_TOTAL_PIXELS) {
    const what = frames > 1 ? `The animation's ${number(frames)} frames of ${number(width)} × ${number(height)} pixels are` : `The image is ${number(width)} × ${number(height)} pixels,`;
    throw new ImageRejected(`${what} more than the ${number(MAX_TOTAL_PIXELS / 1_000_000)} million pixels accepted in all.`);
  }
}

// Quality high enough that the stored "original" can stand in for the upload; PNG stays lossless.
function encodeAs(image: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case "jpeg":
      return image.jpeg({ quality: 90 });
    case "png":
      return image.png();
    case "webp":
      return image.webp({ quality: 90 });
    case "gif":
      return image.gif();
    case "avif":
      return image.avif({ quality: 70 });
  }
}
