import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db, pool } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded/server";
import { runMigrations } from "@/db/migrate";
import { createPool } from "@/db/pool";
import { ensurePublication } from "@/db/seed";
import type { Manifest } from "@/lib/backup/manifest";
import { migrateTo } from "@/lib/backup/migrations";
import { readRecords } from "@/lib/backup/reader";
import { BackupWriter } from "@/lib/backup/writer";
import { MIGRATION_COUNT, TABLE_COUNT, expectSameNewsroom, seedNewsroom, snapshotDatabase, snapshotMedia } from "./support/newsroom-backup";
import { startTestPostgres, type TestPostgres } from "./support/postgres";
import { runToEnd } from "./support/processes";
import { startS3StandIn } from "./support/s3-server";

// Each test runs the commands as processes (tsx starting up, PGlite opening a data directory): slow on a busy machine.
const SLOW = 120_000;

let work: string;
let sourceDir: string;
let sourceUrl: string;
let postgres: TestPostgres;
let backupFile: string;

/** Reads the embedded database in a data directory once no process holds it. */
async function snapshotEmbedded(dataDir: string) {
  const embedded = await startEmbeddedPostgres(dataDir);
  try {
    return await snapshotDatabase(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** A properly signed copy of the backup with a changed manifest, and without the rows of `dropTable`. */
async function rewriteBackup(file: string, manifest: (manifest: Manifest) => Manifest, dropTable?: string): Promise<void> {
  const writer = BackupWriter.open(file);
  let table = "";
  for await (const record of readRecords(backupFile)) {
    if (record.kind === "table") await writer.record("table", { name: (table = record.name) });
    else if (record.kind === "row") {
      if (table !== dropTable) await writer.row(record.json);
    } else if (record.kind === "media") await writer.media(record.key, record.bytes);
    else await writer.record("manifest", manifest(record.manifest));
  }
  await writer.finish();
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-backup-"));
  postgres = await startTestPostgres();
  sourceUrl = await postgres.createDatabase();
  sourceDir = path.join(work, "source");
  process.env.DATABASE_URL = sourceUrl;
  process.env.DATA_DIR = sourceDir;
  await runMigrations(pool());
  await ensurePublication(db());
  await seedNewsroom();
  backupFile = path.join(work, "newsroom.backup");
  const backup = await runToEnd("backup.ts", [backupFile], { DATABASE_URL: sourceUrl, DATA_DIR: sourceDir });
  if (backup.code !== 0) throw new Error(backup.text);
}, SLOW);

afterAll(async () => {
  await pool().end();
  await postgres?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("PostgreSQL → file → embedded", () => {
  test("restores into an embedded database a first start created, value for value, media byte for byte", async () => {
    const targetDir = path.join(work, "target");
    // What a first `npm start` leaves: migrations applied and the publication row, nobody signed up.
    expect((await runToEnd("db.ts", ["migrate"], { DATA_DIR: targetDir })).code).toBe(0);

    const restore = await runToEnd("restore.ts", [backupFile], { DATA_DIR: targetDir });
    expect(restore.text).toMatch(new RegExp(`^Restored .* \\(Masthead 0\\.1\\.0, postgresql database, taken .*\\):\\n\\s+\\d+ rows in ${TABLE_COUNT} tables, \\d+ media files$`));
    expect(restore.code).toBe(0);

    await expectSameNewsroom({ url: sourceUrl, dataDir: sourceDir }, { snapshot: await snapshotEmbedded(targetDir), dataDir: targetDir });
  }, SLOW);

  test("media kept in a bucket are backed up from it and restored into a folder", async () => {
    const bucket = await startS3StandIn();
    try {
      expect((await runToEnd("media-migrate.ts", [], { DATABASE_URL: sourceUrl, DATA_DIR: sourceDir, ...bucket.env })).code).toBe(0);
      const file = path.join(work, "from-bucket.backup");
      // No folder of uploads beside it: whatever media the backup holds came from the bucket.
      const backup = await runToEnd("backup.ts", [file], { DATABASE_URL: sourceUrl, DATA_DIR: path.join(work, "bucket-side"), ...bucket.env });
      expect(backup.code, backup.text).toBe(0);
      const targetDir = path.join(work, "target-from-bucket");
      const restore = await runToEnd("restore.ts", [file], { DATA_DIR: targetDir });
      expect(restore.code, restore.text).toBe(0);
      await expectSameNewsroom({ url: sourceUrl, dataDir: sourceDir }, { snapshot: await snapshotEmbedded(targetDir), dataDir: targetDir });
    } finally {
      await bucket.stop();
    }
  }, SLOW);

  test("a backup from a newer Masthead is refused before the target is touched", async () => {
    // The same content, signed properly, but with one migration this version does not have.
    const newer = path.join(work, "newer.backup");
    await rewriteBackup(newer, (manifest) => ({ ...manifest, migrations: [...manifest.migrations, { hash: "f".repeat(64), createdAt: "4102444800000" }] }));

    const targetDir = path.join(work, "untouched");
    const restore = await runToEnd("restore.ts", [newer], { DATA_DIR: targetDir });
    expect(restore.text).toBe(
      `masthead: This backup comes from a newer Masthead (${MIGRATION_COUNT + 1} migrations; this version knows ${MIGRATION_COUNT}): restore it with that version or a later one.`,
    );
    expect(restore.code).toBe(1);
    expect(fs.readdirSync(targetDir)).toEqual([]);
  }, SLOW);

  test("a backup from an older Masthead is restored at its own level, then brought up to date", async () => {
    const olderUrl = await postgres.createDatabase();
    const older = createPool(olderUrl, 1);
    await migrateTo(older, MIGRATION_COUNT - 1);
    await older.query(
      "INSERT INTO users (email, display_name, slug, role, password_hash) VALUES ('old@newsroom.test', 'Old Timer', 'old-timer', 'editor', 'x')",
    );
    await older.end();
    const file = path.join(work, "older.backup");
    expect((await runToEnd("backup.ts", [file], { DATABASE_URL: olderUrl, DATA_DIR: path.join(work, "older-media") })).text).toMatch(`${MIGRATION_COUNT - 1} migrations applied`);

    const targetUrl = await postgres.createDatabase();
    const restore = await runToEnd("restore.ts", [file], { DATABASE_URL: targetUrl, DATA_DIR: path.join(work, "older-target") });
    expect(restore.text).toMatch(/\n\s+1 row in \d+ tables, 0 media files, then 1 newer migration$/);
    expect(restore.code).toBe(0);
    const target = await snapshotDatabase(targetUrl);
    expect(target.migrations).toEqual((await snapshotDatabase(sourceUrl)).migrations);
    expect(target.tables.users.map((row) => JSON.parse(row))).toEqual([expect.objectContaining({ email: "old@newsroom.test", avatar_media_id: null, role: "editor" })]);
  }, SLOW);

  test("a restore that fails half-way is undone: no rows, no media files", async () => {
    // Every story, comment and upload names a user, and the users are gone.
    const broken = path.join(work, "dangling.backup");
    await rewriteBackup(broken, (manifest) => ({ ...manifest, tables: manifest.tables.map((table) => (table.name === "users" ? { ...table, rows: 0 } : table)) }), "users");
    const targetUrl = await postgres.createDatabase();
    const targetDir = path.join(work, "undone");
    const restore = await runToEnd("restore.ts", [broken], { DATABASE_URL: targetUrl, DATA_DIR: targetDir });
    expect(restore.text).toMatch(/^masthead: The restore failed and was undone \(.*violates foreign key constraint .*\)\.$/);
    expect(restore.code).toBe(1);
    const target = await snapshotDatabase(targetUrl);
    expect(Object.values(target.tables).flat()).toEqual([]);
    expect([...(await snapshotMedia(targetDir)).keys()]).toEqual([]);
  }, SLOW);
});
