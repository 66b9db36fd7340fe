import zlib from "node:zlib";
import sharp from "sharp";
import type { MediaStorage } from "@/lib/media/storage";

/** A picture with detail (so encoders have work to do), generated rather than checked in. */
export function pattern(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = x & 255;
      pixels[i + 1] = y & 255;
      pixels[i + 2] = (x ^ y) & 255;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** The GPS IFD pointer tag (0x8825) in either byte order: present means location data is there. */
export function hasGpsTag(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}

/** A phone photo: 1200 × 800 pixels stored sideways (orientation 6, shown 800 × 1200), with a position. */
export const jpegWithGps = () =>
  pattern(1200, 800)
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneCo", Model: "Snapper 9" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 2615/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 3925/100" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();

export const pngWithXmp = () =>
  pattern(2000, 1000)
    .png()
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
    .toBuffer();

export const webp = () => pattern(1000, 600).webp().toBuffer();
export const smallGif = () => pattern(300, 200).gif().toBuffer();
export const avif = () => pattern(1000, 700).avif().toBuffer();

export async function animatedGif(): Promise<Buffer> {
  const frames = await Promise.all(["#c00", "#0c0", "#00c"].map((background) => sharp({ create: { width: 600, height: 400, channels: 3, background } }).png().toBuffer()));
  return sharp(frames, { join: { animated: true } }).gif({ delay: [200, 200, 200], loop: 0 }).toBuffer();
}

export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
export const HTML = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
export const PAYLOAD = "<html><script>fetch('/desk').then(r => r.text()).then(alert)</script></html>";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const frame = Buffer.alloc(8);
  frame.writeUInt32BE(data.length, 0);
  frame.writeUInt32BE(crc32(body), 4);
  return Buffer.concat([frame.subarray(0, 4), body, frame.subarray(4)]);
}

/**
 * A PNG that claims any size in a valid IHDR (correct CRC) but carries no pixels: well under a
 * kilobyte, yet a decoder trusting it would allocate width × height × 3 bytes.
 */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk("IHDR", ihdr), pngChunk("IDAT", zlib.deflateSync(Buffer.alloc(0))), pngChunk("IEND", Buffer.alloc(0))]);
}

/** The store as it fails halfway through an upload: the second file written throws `error`. */
export function failingSecondPut<T extends MediaStorage>(storage: T, error: Error): T {
  let writes = 0;
  const put = storage.put.bind(storage);
  storage.put = async (key, bytes) => {
    if (++writes === 2) throw error;
    return put(key, bytes);
  };
  return storage;
}
