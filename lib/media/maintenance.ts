import { isMediaId } from "./file-names";
import type { MediaStorage } from "./storage";

/** Uploads younger than this may still be on their way to a row (see lib/media/upload.ts): never swept. */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

export type SweptUpload = { id: string; files: number; bytes: number };

/**
 * Removes stored uploads that no media row points at (an upload that failed between its files and
 * its row, or a crash there), once every file in them is older than ORPHAN_MIN_AGE_MS.
 */
export async function sweepOrphanedMedia(
  storage: MediaStorage,
  existingIds: (ids: string[]) => Promise<Set<string>>,
  now = new Date(),
): Promise<SweptUpload[]> {
  const keysById = new Map<string, string[]>();
  for await (const key of storage.list()) {
    const id = key.slice(0, key.indexOf("/"));
    if (isMediaId(id)) keysById.set(id, [...(keysById.get(id) ?? []), key]);
  }
  const known = await existingIds([...keysById.keys()]);
  const swept: SweptUpload[] = [];
  for (const [id, keys] of keysById) {
    if (known.has(id)) continue;
    const files = await Promise.all(keys.map((key) => storage.stat(key)));
    if (files.some((file) => !file || now.getTime() - file.modified.getTime() < ORPHAN_MIN_AGE_MS)) continue;
    await storage.delete(id);
    swept.push({ id, files: keys.length, bytes: files.reduce((sum, file) => sum + file!.size, 0) });
  }
  return swept;
}

export type CopyProgress = { done: number; total: number; copied: number; skipped: number; bytes: number };

/**
 * Copies every file from one store to another, skipping those the target already holds with the
 * same size, so a second run (or one after an interruption) copies only what is missing.
 */
export async function copyMedia(source: MediaStorage, target: MediaStorage, onProgress: (progress: CopyProgress) => void): Promise<CopyProgress> {
  const keys: string[] = [];
  for await (const key of source.list()) keys.push(key);
  keys.sort();
  const progress: CopyProgress = { done: 0, total: keys.length, copied: 0, skipped: 0, bytes: 0 };
  for (const key of keys) {
    const [here, there] = await Promise.all([source.stat(key), target.stat(key)]);
    if (here && there?.size !== here.size) {
      const bytes = await source.get(key);
      if (bytes) {
        await target.put(key, bytes);
        progress.copied++;
        progress.bytes += bytes.length;
      }
    } else {
      progress.skipped++;
    }
    progress.done++;
    onProgress(progress);
  }
  return progress;
}
