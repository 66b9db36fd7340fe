import type { ImageFormat } from "./file-names";

/**
 * The format a file's first bytes announce. Checked before sharp sees the file, so formats we never
 * accept (SVG, PDF, TIFF, HEIC…) are not even parsed by a decoder; sharp must then agree.
 */
export function sniffImageFormat(bytes: Buffer): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  const ascii = (start: number, end: number) => bytes.toString("latin1", start, end);
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(4, 8) === "ftyp" && isAvifBrand(bytes)) return "avif";
  return null;
}

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

// An ISO-BMFF `ftyp` box: size, "ftyp", major brand, minor version, then compatible brands.
function isAvifBrand(bytes: Buffer): boolean {
  if (bytes.length < 16) return false;
  const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  const brands = [bytes.toString("latin1", 8, 12)];
  for (let offset = 16; offset + 4 <= boxEnd; offset += 4) brands.push(bytes.toString("latin1", offset, offset + 4));
  return brands.includes("avif") || brands.includes("avis");
}
