import pg from "pg";
import type { MediaStorage } from "@/lib/media/storage";
import { type AppliedMigration, appliedMigrations, appTables, qualified, type SequenceValue, sequenceValues } from "./catalog";
import type { DatabaseTarget } from "./database-target";
import { BackupError } from "./errors";
import { FORMAT_VERSION, type Manifest, mastheadVersion } from "./manifest";
import { BackupWriter } from "./writer";

const FETCH_ROWS = 500;

type DatabaseContents = { migrations: AppliedMigration[]; tables: Manifest["tables"]; sequences: SequenceValue[] };

/**
 * Every table in one REPEATABLE READ READ ONLY transaction, so the copy is one consistent moment
 * while the newsroom keeps working. Rows leave as PostgreSQL prints them, through a cursor.
 */
async function writeDatabase(writer: BackupWriter, url: string): Promise<DatabaseContents> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0) throw new BackupError("This database has no Masthead migrations, so it is not a Masthead database: nothing to back up.");
    const tables: Manifest["tables"] = [];
    for (const name of await appTables(client)) {
      await writer.record("table", { name });
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${qualified(name)} AS t`);
      let rows = 0;
      for (;;) {
        const batch = await client.query<{ row: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
        for (const { row } of batch.rows) await writer.row(row);
        rows += batch.rows.length;
        if (batch.rows.length < FETCH_ROWS) break;
      }
      await client.query("CLOSE backup_rows");
      tables.push({ name, rows });
    }
    // Read last: sequences are not part of the snapshot, so these are at least every value it holds.
    const sequences = await sequenceValues(client);
    await client.query("COMMIT");
    return { migrations, tables, sequences };
  } finally {
    await client.end().catch(() => {});
  }
}

/** After the database: every file its rows name was stored before them (uploads write files first). */
async function writeMedia(writer: BackupWriter, storage: MediaStorage): Promise<Manifest["media"]> {
  const keys: string[] = [];
  for await (const key of storage.list()) keys.push(key);
  keys.sort();
  const media = { files: 0, bytes: 0 };
  for (const key of keys) {
    const bytes = await storage.get(key);
    // Deleted since it was listed: it is no longer part of the newsroom.
    if (!bytes) continue;
    await writer.media(key, bytes);
    media.files++;
    media.bytes += bytes.length;
  }
  return media;
}

const FILE_CALLS = new Set(["open", "write", "close", "rename", "stat"]);

/** A full disk or a missing folder is the operator's to fix: say so in one sentence. */
function asFileError(file: string, error: unknown): unknown {
  const { code, syscall } = error as NodeJS.ErrnoException;
  return code && syscall && FILE_CALLS.has(syscall) ? new BackupError(`Cannot write the backup file ${file} (${code}); nothing was written.`) : error;
}

export type BackupSummary = { file: string; size: number; manifest: Manifest };

export async function writeBackup(file: string, source: DatabaseTarget, storage: MediaStorage): Promise<BackupSummary> {
  const writer = BackupWriter.open(file);
  try {
    const createdAt = new Date().toISOString();
    const database = await writeDatabase(writer, source.url);
    const media = await writeMedia(writer, storage);
    const manifest: Manifest = { format: FORMAT_VERSION, mastheadVersion: mastheadVersion(), createdAt, source: source.kind, ...database, media };
    await writer.record("manifest", manifest);
    return { file, size: await writer.finish(), manifest };
  } catch (error) {
    await writer.abandon();
    throw asFileError(file, error);
  }
}
