import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { exitCode, output, runScript, waitForLine } from "./support/processes";

const dirs: string[] = [];
function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-embedded-"));
  dirs.push(dir);
  return dir;
}
// Each of these starts PGlite twice in fresh processes: a loaded machine needs more than the default.
const START_TWO_SERVERS_MS = 90_000;

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function startServer(dataDir: string) {
  const child = runScript("db.ts", ["server"], { DATA_DIR: dataDir });
  const [, url] = await waitForLine(child, /DATABASE_URL=(\S+)/, 60_000);
  return { child, url };
}

describe("the embedded database server", () => {
  it("refuses a second server on the same data directory, in one clear line, and touches nothing", async () => {
    const dataDir = tempDataDir();
    const first = await startServer(dataDir);
    try {
      const second = runScript("db.ts", ["server"], { DATA_DIR: dataDir });
      const log = output(second);
      expect(await exitCode(second)).toBe(1);
      expect(log.text().trim()).toMatch(/^masthead: The data directory .* is already in use by another Masthead database \(pid \d+\)/);
      expect(log.text().trim().split("\n")).toHaveLength(1);
      const client = new pg.Client(first.url);
      await client.connect();
      expect((await client.query("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
      await client.end();
    } finally {
      first.child.kill("SIGTERM");
      expect(await exitCode(first.child)).toBe(0);
    }
    expect(fs.existsSync(path.join(dataDir, "masthead.lock"))).toBe(false);
  }, START_TWO_SERVERS_MS);

  it("keeps every acknowledged write through a kill -9", async () => {
    const dataDir = tempDataDir();
    const first = await startServer(dataDir);
    const client = new pg.Client(first.url);
    await client.connect();
    await client.query("CREATE TABLE acknowledged (n integer)");
    for (let n = 1; n <= 25; n++) await client.query("INSERT INTO acknowledged VALUES ($1)", [n]);
    await client.end().catch(() => {});
    first.child.kill("SIGKILL");
    await exitCode(first.child);

    const second = await startServer(dataDir);
    try {
      const reader = new pg.Client(second.url);
      await reader.connect();
      const { rows } = await reader.query("SELECT count(*)::int AS n, max(n) AS last FROM acknowledged");
      expect(rows[0]).toEqual({ n: 25, last: 25 });
      await reader.end();
    } finally {
      second.child.kill("SIGTERM");
      await exitCode(second.child);
    }
  }, START_TWO_SERVERS_MS);

  it("explains an unusable DATA_DIR in one line", async () => {
    const file = path.join(tempDataDir(), "a-file");
    fs.writeFileSync(file, "");
    const child = runScript("db.ts", ["migrate"], { DATA_DIR: path.join(file, "data") });
    const log = output(child);
    expect(await exitCode(child)).toBe(1);
    expect(log.text().trim()).toMatch(/^masthead: DATA_DIR .* cannot be used \(ENOTDIR\): point DATA_DIR at a writable directory\.$/);
  });
});
