import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pool } from "@/db/client";
import { MIGRATION_COUNT, TABLE_COUNT, expectSameNewsroom, seedNewsroom, snapshotDatabase, snapshotMedia } from "./support/newsroom-backup";
import { startTestPostgres, type TestPostgres } from "./support/postgres";
import { exitCode, runScript, runToEnd, waitForLine } from "./support/processes";

// The embedded newsroom runs (its database server started as `npm run db:server` does) while it is backed up.
// Each test runs the commands as processes (tsx starting up, PGlite opening a data directory): slow on a busy machine.
const SLOW = 120_000;

let work: string;
let sourceDir: string;
let sourceUrl: string;
let server: ChildProcess;
let postgres: TestPostgres;
let backupFile: string;

async function publicTables(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'drizzle')");
    return rows[0].n;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-backup-"));
  sourceDir = path.join(work, "source");
  server = runScript("db.ts", ["server"], { DATA_DIR: sourceDir });
  [, sourceUrl] = await waitForLine(server, /DATABASE_URL=(\S+)/, 60_000);
  process.env.DATABASE_URL = sourceUrl;
  process.env.DATA_DIR = sourceDir;
  await seedNewsroom();
  postgres = await startTestPostgres();
  backupFile = path.join(work, "newsroom.backup");
}, SLOW);

afterAll(async () => {
  await pool().end();
  server?.kill("SIGTERM");
  if (server) await exitCode(server);
  await postgres?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("embedded → file → PostgreSQL", () => {
  test("a backup taken while the embedded server runs restores into PostgreSQL value for value, media byte for byte", async () => {
    const backup = await runToEnd("backup.ts", [backupFile], { DATA_DIR: sourceDir });
    expect(backup.text).toMatch(/^Backed up the embedded database and media to .*newsroom\.backup \(\d+(\.\d)? kB\):/);
    expect(backup.text).toMatch(new RegExp(`${TABLE_COUNT} tables, \\d+ rows \\(.*users 3.*\\), ${MIGRATION_COUNT} migrations applied\\n\\s+\\d+ media files`));
    expect(backup.code).toBe(0);

    const targetUrl = await postgres.createDatabase();
    const targetDir = path.join(work, "target");
    const restore = await runToEnd("restore.ts", [backupFile], { DATABASE_URL: targetUrl, DATA_DIR: targetDir });
    expect(restore.text).toMatch(new RegExp(`^Restored .* \\(Masthead 0\\.1\\.0, embedded database, taken .*\\):\\n\\s+\\d+ rows in ${TABLE_COUNT} tables, \\d+ media files$`));
    expect(restore.code).toBe(0);

    const source = await expectSameNewsroom({ url: sourceUrl, dataDir: sourceDir }, { snapshot: await snapshotDatabase(targetUrl), dataDir: targetDir });

    // The restored sequence continues after the source's last value, so the next entry gets a new id.
    const client = new pg.Client(targetUrl);
    await client.connect();
    const { rows } = await client.query("INSERT INTO audit_log (action) VALUES ('restore.check') RETURNING id");
    await client.end();
    expect(Number(rows[0].id)).toBe(Number(source.sequences.audit_log_id_seq) + 1);
  }, SLOW);

  test("a target that is not empty is refused with a sentence, and nothing changes", async () => {
    const targetUrl = await postgres.createDatabase();
    const targetDir = path.join(work, "occupied");
    expect((await runToEnd("restore.ts", [backupFile], { DATABASE_URL: targetUrl, DATA_DIR: targetDir })).code).toBe(0);
    const before = await snapshotDatabase(targetUrl);
    const mediaBefore = await snapshotMedia(targetDir);

    const again = await runToEnd("restore.ts", [backupFile], { DATABASE_URL: targetUrl, DATA_DIR: targetDir });
    expect(again.code).toBe(1);
    expect(again.text).toMatch(/^masthead: The target database is not empty \(it has rows in .*users.*\): restore needs a new database, or one Masthead has only just created\. Nothing was changed\.$/);
    expect(await snapshotDatabase(targetUrl)).toEqual(before);
    expect(await snapshotMedia(targetDir)).toEqual(mediaBefore);

    // An empty database with a media store that already holds files is refused too.
    const emptyUrl = await postgres.createDatabase();
    const mediaOnly = await runToEnd("restore.ts", [backupFile], { DATABASE_URL: emptyUrl, DATA_DIR: targetDir });
    expect(mediaOnly.code).toBe(1);
    expect(mediaOnly.text).toMatch(/^masthead: The media store is not empty \(it holds .*\): restore needs an empty one\. Nothing was changed\.$/);
    expect(await publicTables(emptyUrl)).toBe(0);
  }, SLOW);

  test("a truncated file, a file with one byte flipped and a foreign file are refused before the target is touched", async () => {
    const bytes = fs.readFileSync(backupFile);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)] ^= 0x01;
    const cases = [
      { name: "truncated.backup", content: bytes.subarray(0, Math.floor(bytes.length * 0.7)), error: /damaged \(it is incomplete: its end marker is missing, so it was probably truncated\)/ },
      { name: "flipped.backup", content: flipped, error: /damaged \(its checksum does not match its content, so some bytes changed\)/ },
      { name: "foreign.backup", content: Buffer.from("PGDMP\u0001\u000e\u0000 a pg_dump custom archive"), error: /foreign\.backup is not a Masthead backup\.$/ },
    ];
    const targetUrl = await postgres.createDatabase();
    const targetDir = path.join(work, "untouched");
    for (const { name, content, error } of cases) {
      const file = path.join(work, name);
      fs.writeFileSync(file, content);
      const restore = await runToEnd("restore.ts", [file], { DATABASE_URL: targetUrl, DATA_DIR: targetDir });
      expect(restore.text, name).toMatch(/^masthead: /);
      expect(restore.text, name).toMatch(error);
      expect(restore.code, name).toBe(1);
      expect(await publicTables(targetUrl), name).toBe(0);
      expect(fs.existsSync(path.join(targetDir, "media")), name).toBe(false);
    }
  }, SLOW);
});
