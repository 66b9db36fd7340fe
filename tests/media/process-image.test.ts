import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ImageRejected, MAX_UPLOAD_BYTES, processUpload } from "@/lib/media/process-image";
import * as fixture from "./fixtures";

async function expectClean(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  return meta;
}

async function rejection(bytes: Buffer): Promise<ImageRejected> {
  const error = await processUpload(bytes).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImageRejected);
  return error as ImageRejected;
}

describe("processUpload accepts", () => {
  it("a JPEG: turned upright, GPS and every other EXIF field gone, WebP variants no wider than it", async () => {
    const upload = await fixture.jpegWithGps();
    const before = await sharp(upload).metadata();
    expect(fixture.hasGpsTag(before.exif)).toBe(true); // the fixture really carries a position

    const image = await processUpload(upload);
    expect(image).toMatchObject({ format: "jpeg", mimeType: "image/jpeg", width: 800, height: 1200, animated: false });
    const original = await expectClean(image.original);
    expect(original).toMatchObject({ format: "jpeg", width: 800, height: 1200 });
    expect(original.orientation).toBeUndefined();
    expect(image.variants.map((variant) => variant.width)).toEqual([480]);
    for (const variant of image.variants) {
      expect(await expectClean(variant.bytes)).toMatchObject({ format: "webp", width: variant.width, height: 720 });
    }
  });

  it("a PNG, dropping its XMP, with all three variant widths", async () => {
    const upload = await fixture.pngWithXmp();
    expect((await sharp(upload).metadata()).xmp).toBeDefined();
    const image = await processUpload(upload);
    expect(image).toMatchObject({ format: "png", mimeType: "image/png", width: 2000, height: 1000 });
    expect(await expectClean(image.original)).toMatchObject({ format: "png", width: 2000 });
    const sizes = await Promise.all(image.variants.map(async (variant) => sharp(variant.bytes).metadata()));
    expect(sizes.map(({ format, width, height }) => ({ format, width, height }))).toEqual([
      { format: "webp", width: 480, height: 240 },
      { format: "webp", width: 960, height: 480 },
      { format: "webp", width: 1600, height: 800 },
    ]);
  });

  it("a WebP", async () => {
    const image = await processUpload(await fixture.webp());
    expect(image).toMatchObject({ format: "webp", mimeType: "image/webp", width: 1000, height: 600 });
    expect(image.variants.map((variant) => variant.width)).toEqual([480, 960]);
  });

  it("an AVIF (which sharp reports as heif compressed with av1), stored as AVIF", async () => {
    const upload = await fixture.avif();
    expect(await sharp(upload).metadata()).toMatchObject({ format: "heif", compression: "av1" });
    const image = await processUpload(upload);
    expect(image).toMatchObject({ format: "avif", mimeType: "image/avif", width: 1000, height: 700 });
    expect(await sharp(image.original).metadata()).toMatchObject({ format: "heif", compression: "av1", width: 1000 });
  });

  it("a GIF smaller than every variant width: one variant at its own width, never upscaled", async () => {
    const image = await processUpload(await fixture.smallGif());
    expect(image).toMatchObject({ format: "gif", width: 300, height: 200, animated: false });
    expect(image.variants).toHaveLength(1);
    expect(await sharp(image.variants[0].bytes).metadata()).toMatchObject({ format: "webp", width: 300, height: 200 });
  });

  it("an animated GIF, keeping every frame in the original and in the WebP variants", async () => {
    const image = await processUpload(await fixture.animatedGif());
    expect(image).toMatchObject({ format: "gif", width: 600, height: 400, animated: true });
    expect(await sharp(image.original).metadata()).toMatchObject({ format: "gif", pages: 3, width: 600, height: 400, delay: [200, 200, 200] });
    expect(image.variants.map((variant) => variant.width)).toEqual([480]);
    expect(await sharp(image.variants[0].bytes).metadata()).toMatchObject({ format: "webp", pages: 3, width: 480, height: 320 });
  });

  it("a JPEG with HTML appended (a polyglot), storing only the re-encoded picture", async () => {
    const upload = Buffer.concat([await fixture.pattern(640, 480).jpeg().toBuffer(), Buffer.from(fixture.PAYLOAD)]);
    const image = await processUpload(upload);
    for (const file of [image.original, ...image.variants.map((variant) => variant.bytes)]) {
      expect(file.includes("<script>")).toBe(false);
      expect(file.includes("<html>")).toBe(false);
    }
  });
});

describe("processUpload refuses, with a sentence saying why", () => {
  it.each([
    ["an empty file", () => Buffer.alloc(0), /^The file is empty\.$/],
    ["a file over 20 MB", () => Buffer.alloc(21 * 1024 * 1024, 0xff), /larger than 20 MB/],
    ["an SVG", () => fixture.SVG, /not a JPEG, PNG, WebP, GIF or AVIF image/],
    ["an HTML page", () => fixture.HTML, /not a JPEG, PNG, WebP, GIF or AVIF image/],
    ["a TIFF", () => fixture.pattern(64, 64).tiff().toBuffer(), /not a JPEG, PNG, WebP, GIF or AVIF image/],
    ["a GIF signature followed by HTML", () => Buffer.concat([Buffer.from("GIF89a"), fixture.HTML]), /damaged or incomplete/],
    ["a truncated JPEG", async () => {
      const whole = await fixture.pattern(800, 600).jpeg().toBuffer();
      return whole.subarray(0, whole.length >> 1);
    }, /damaged or incomplete/],
    ["a truncated PNG", async () => {
      const whole = await fixture.pattern(800, 600).png().toBuffer();
      return whole.subarray(0, whole.length >> 1);
    }, /damaged or incomplete/],
    ["a 65-byte PNG claiming 30,000 × 10 pixels", () => fixture.pngClaiming(30_000, 10), /30,000 × 10 pixels; the largest accepted is 12,000 pixels on each side/],
    ["a PNG claiming 11,000 × 11,000 pixels", () => fixture.pngClaiming(11_000, 11_000), /11,000 × 11,000 pixels, more than the 100 million pixels/],
  ])("%s", async (_label, make, message) => {
    const error = await rejection(await make());
    expect(error.message).toMatch(message);
  });

  it("a real, decodable 30,000 px wide PNG", async () => {
    const wide = await sharp({ create: { width: 30_000, height: 10, channels: 3, background: "#fff" } }).png().toBuffer();
    expect(wide.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect((await rejection(wide)).message).toMatch(/30,000 × 10 pixels/);
  });
});
