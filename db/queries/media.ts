import "server-only";
import { eq } from "drizzle-orm";
import { isMediaId } from "@/lib/media/file-names";
import { db } from "../client";
import { media } from "../schema";

export type MediaRow = typeof media.$inferSelect;

/** The id is chosen by the caller: the files are stored under it before the row exists. */
export type NewMedia = {
  id: string;
  uploadedBy: string | null;
  originalName: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
};

export async function insertMedia(row: NewMedia): Promise<MediaRow> {
  const [created] = await db().insert(media).values(row).returning();
  return created;
}

export async function findMedia(id: string): Promise<MediaRow | undefined> {
  // Postgres answers a malformed uuid with an error, not with "no such row".
  if (!isMediaId(id)) return undefined;
  const [row] = await db().select().from(media).where(eq(media.id, id));
  return row;
}

/** An image as pages place it: which upload, and its size as stored. */
export type PlacedImage = { id: string; width: number; height: number };

/** From a left join on media: null when nothing is set (or the upload is gone). */
export function placedImage(id: string | null, width: number | null, height: number | null): PlacedImage | null {
  return id && width && height ? { id, width, height } : null;
}
