import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { media } from "@/db/schema";
import { createUser } from "../support/factories";
import * as fixture from "./fixtures";

const previousDataDir = process.env.DATA_DIR;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-upload-"));
process.env.DATA_DIR = dataDir;
const mediaRoot = path.join(dataDir, "media");

const { storeUpload } = await import("@/lib/media/upload");
const { ImageRejected } = await import("@/lib/media/process-image");
const { FileMediaStorage } = await import("@/lib/media/storage");
const { findMedia } = await import("@/db/queries/media");
const { isStoryMediaPath } = await import("@/lib/story-body/media-path");

afterAll(() => {
  process.env.DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const storedIds = () => (fs.existsSync(mediaRoot) ? fs.readdirSync(mediaRoot).sort() : []);
const rowCount = async () => (await db().select({ n: count() }).from(media))[0].n;
const snapshot = async () => ({ ids: storedIds(), rows: await rowCount() });

describe("storeUpload", () => {
  it("stores the cleaned files under a new id, records them, and returns a src stories accept", async () => {
    const writer = await createUser();
    const stored = await storeUpload(await fixture.jpegWithGps(), "../../Camera Roll/IMG_0001.JPG\u0000", writer.id);

    expect(stored.src).toBe(`/media/${stored.id}/w480.webp`);
    expect(isStoryMediaPath(stored.src)).toBe(true);
    expect(stored).toMatchObject({ width: 800, height: 1200, original: `/media/${stored.id}/original.jpg` });
    const files = fs.readdirSync(path.join(mediaRoot, stored.id)).sort();
    expect(files).toEqual(["original.jpg", "w480.webp"]);
    for (const file of files) {
      const meta = await sharp(path.join(mediaRoot, stored.id, file)).metadata();
      expect(meta.exif).toBeUndefined();
    }
    const row = await findMedia(stored.id);
    expect(row).toMatchObject({
      uploadedBy: writer.id,
      originalName: "IMG_0001.JPG",
      mimeType: "image/jpeg",
      width: 800,
      height: 1200,
      bytes: fs.statSync(path.join(mediaRoot, stored.id, "original.jpg")).size,
    });
  });

  it("offers every variant, the largest as src", async () => {
    const stored = await storeUpload(await fixture.pngWithXmp(), "chart.png", null);
    expect(stored.variants.map((variant) => variant.width)).toEqual([480, 960, 1600]);
    expect(stored.src).toBe(`/media/${stored.id}/w1600.webp`);
    expect(fs.readdirSync(path.join(mediaRoot, stored.id)).sort()).toEqual(["original.png", "w1600.webp", "w480.webp", "w960.webp"]);
  });

  it.each([
    ["an empty file", () => Buffer.alloc(0)],
    ["an SVG", () => fixture.SVG],
    ["an HTML page named like a photo", () => fixture.HTML],
    ["a 30,000 px wide PNG header", () => fixture.pngClaiming(30_000, 10)],
    ["a 21 MB file", () => Buffer.alloc(21 * 1024 * 1024, 0xd8)],
  ])("stores nothing for %s", async (_label, make) => {
    const before = await snapshot();
    await expect(storeUpload(make(), "photo.jpg", null)).rejects.toBeInstanceOf(ImageRejected);
    expect(await snapshot()).toEqual(before);
  });

  it("removes the files again when the row cannot be written", async () => {
    const before = await snapshot();
    const nobody = "00000000-0000-4000-8000-000000000000"; // no such user: the foreign key refuses the row
    await expect(storeUpload(await fixture.webp(), "x.webp", nobody)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it("removes what it wrote when storage fails halfway", async () => {
    const before = await snapshot();
    const storage = fixture.failingSecondPut(new FileMediaStorage(mediaRoot), new Error("disk full"));
    await expect(storeUpload(await fixture.webp(), "x.webp", null, storage)).rejects.toThrow("disk full");
    expect(await snapshot()).toEqual(before);
  });
});
