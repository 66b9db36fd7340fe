import type pg from "pg";
import { createPool } from "@/db/pool";
import { runMigrations } from "@/db/migrate";
import type { MediaStorage } from "@/lib/media/storage";
import { appliedMigrations, appTables } from "./catalog";
import type { DatabaseTarget } from "./database-target";
import { BackupError } from "./errors";
import { TableLoader } from "./load-tables";
import type { Manifest } from "./manifest";
import { backupMigrationLevel, checkTargetMigrations, migrateTo, projectMigrations } from "./migrations";
import { readRecords, verifyBackup } from "./reader";
import { refuseNonEmptyDatabase, refuseNonEmptyMediaStore } from "./target-state";

export type RestoreSummary = { manifest: Manifest; rows: number; mediaFiles: number; newerMigrations: number };

async function refuseUnusableTarget(pool: pg.Pool, backupLevel: number): Promise<void> {
  const client = await pool.connect();
  try {
    const history = await appliedMigrations(client);
    if (history.length === 0 && (await appTables(client)).length > 0) {
      throw new BackupError("The target database already has tables but no Masthead migrations: restore into a new database. Nothing was changed.");
    }
    checkTargetMigrations(history, backupLevel);
    await refuseNonEmptyDatabase(client);
  } finally {
    client.release();
  }
}

/** Rows and media in one transaction; media written before it commits, and removed again if it does not. */
async function load(pool: pg.Pool, file: string, manifest: Manifest, storage: MediaStorage): Promise<{ rows: number; mediaFiles: number }> {
  const client = await pool.connect();
  const writtenFolders = new Set<string>();
  let mediaFiles = 0;
  try {
    await client.query("BEGIN");
    await refuseNonEmptyDatabase(client);
    const loader = new TableLoader(client);
    await loader.begin();
    for await (const record of readRecords(file)) {
      if (record.kind === "table") await loader.startTable(record.name);
      else if (record.kind === "row") await loader.row(record.json);
      else if (record.kind === "media") {
        await loader.flush();
        writtenFolders.add(record.key.split("/")[0]);
        await storage.put(record.key, record.bytes);
        mediaFiles++;
      }
    }
    await loader.finish(manifest.sequences);
    await client.query("COMMIT");
    return { rows: loader.rows, mediaFiles };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    for (const folder of writtenFolders) await storage.delete(folder).catch(() => {});
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The restore failed and was undone (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    client.release();
  }
}

/**
 * Verifies the whole file, then (and only then) opens the target, refuses it unless it is empty,
 * builds the schema to the backup's migration level, loads everything, and applies newer migrations.
 */
export async function restoreBackup(file: string, openTarget: () => Promise<DatabaseTarget>, storage: MediaStorage): Promise<RestoreSummary> {
  const manifest = await verifyBackup(file);
  const level = backupMigrationLevel(manifest.migrations);
  const target = await openTarget();
  const pool = createPool(target.url, 2);
  try {
    await refuseUnusableTarget(pool, level);
    await refuseNonEmptyMediaStore(storage);
    await migrateTo(pool, level);
    const loaded = await load(pool, file, manifest, storage);
    await runMigrations(pool);
    return { manifest, ...loaded, newerMigrations: projectMigrations().length - level };
  } finally {
    await pool.end();
    await target.stop();
  }
}
