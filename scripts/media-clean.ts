/**
 * `npm run media:clean`: removes stored uploads no media row points at, once they are over an
 * hour old (an upload in flight writes its files before its row), from whichever store is configured.
 */
import { inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { prepareDataDir, resolveDataDir } from "../db/embedded/data-dir";
import { createPool } from "../db/pool";
import { media } from "../db/schema";
import { sweepOrphanedMedia } from "../lib/media/maintenance";
import { mediaStorage } from "../lib/media/storage";
import { reachDatabase } from "./database";
import { exitWithError } from "./fatal";
import { formatBytes } from "./format-bytes";

async function main() {
  const storage = mediaStorage();
  const dataDir = resolveDataDir();
  prepareDataDir(dataDir);
  const database = await reachDatabase(dataDir);
  const pool = createPool(database.url, 1);
  try {
    const db = drizzle(pool);
    const existingIds = async (ids: string[]) =>
      new Set(ids.length === 0 ? [] : (await db.select({ id: media.id }).from(media).where(inArray(media.id, ids))).map((row) => row.id));
    const swept = await sweepOrphanedMedia(storage, existingIds);
    for (const upload of swept) console.log(`Removed ${upload.id}/ (${upload.files} files, ${formatBytes(upload.bytes)}): no media row points at it.`);
    const bytes = swept.reduce((sum, upload) => sum + upload.bytes, 0);
    console.log(swept.length === 0 ? "No orphaned uploads." : `Removed ${swept.length} orphaned uploads (${formatBytes(bytes)}).`);
  } finally {
    await pool.end();
    await database.stop();
  }
}

main().catch(exitWithError);
