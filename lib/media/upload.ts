import "server-only";
import crypto from "node:crypto";
import { insertMedia } from "@/db/queries/media";
import { displayFileName, mediaPath, originalFileName, variantFileName } from "./file-names";
import { processUpload } from "./process-image";
import { type MediaStorage, mediaStorage } from "./storage";

export type StoredUpload = {
  id: string;
  /** What a story body references: the largest WebP variant, a path isStoryMediaPath accepts. */
  src: string;
  width: number;
  height: number;
  original: string;
  variants: { width: number; src: string }[];
};

/**
 * Processes an upload (throws ImageRejected when it is not an acceptable image), stores its files
 * and records it. Files first, row last, so a row never points at missing files; if the row cannot
 * be written the files are removed again.
 */
export async function storeUpload(
  bytes: Buffer,
  originalName: string,
  uploaderId: string | null,
  storage: MediaStorage = mediaStorage(),
): Promise<StoredUpload> {
  const image = await processUpload(bytes);
  const id = crypto.randomUUID();
  const original = originalFileName(image.format);
  try {
    await storage.put(`${id}/${original}`, image.original);
    for (const variant of image.variants) await storage.put(`${id}/${variantFileName(variant.width)}`, variant.bytes);
    await insertMedia({
      id,
      uploadedBy: uploaderId,
      originalName: cleanFileName(originalName),
      mimeType: image.mimeType,
      width: image.width,
      height: image.height,
      bytes: image.original.length,
    });
  } catch (error) {
    // The failure that matters is the one above; a failed clean-up must not hide it.
    await storage.delete(id).catch(() => {});
    throw error;
  }
  const variants = image.variants.map(({ width }) => ({ width, src: mediaPath(id, variantFileName(width)) }));
  return {
    id,
    src: mediaPath(id, displayFileName(image.width)),
    width: image.width,
    height: image.height,
    original: mediaPath(id, original),
    variants,
  };
}

/** The name is only shown back to staff: keep the last path segment, printable, of sane length. */
function cleanFileName(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  return base.replace(/[\p{Cc}\p{Cf}]/gu, "").trim().slice(0, 255);
}
