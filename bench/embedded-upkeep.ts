/**
 * `npm run bench:upkeep [-- --stories 100000]`: the embedded database's upkeep (db/embedded/upkeep.ts),
 * measured side by side in one run on this machine.
 *   1. The data directory's size after 10,000 autosaves of a 1,500-word story, without upkeep and
 *      with it. With upkeep the database is vacuumed every 300 saves: what the 10-minute schedule
 *      does for a writer whose editor autosaves every 2 seconds of typing. Each side runs in a
 *      process of its own (the queries' pool belongs to its process).
 *   2. At N stories (default 100,000, each with a revision, a tenth of them rewritten since the
 *      last vacuum): how long VACUUM (ANALYZE) holds the single backend for `stories` and
 *      `story_revisions`, and what an autosave waits meanwhile, against autosaves with no upkeep.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../db/embedded/server";
import { runMigrations } from "../db/migrate";
import { createPool } from "../db/pool";
import { autosave, percentile, report, storyBody } from "./support";

const AUTOSAVES = Number(process.env.BENCH_AUTOSAVES || 10_000);
const UPKEEP_EVERY_SAVES = 300;
const storiesArg = process.argv.indexOf("--stories");
const STORIES = storiesArg > 0 ? Number(process.argv[storiesArg + 1]) : 100_000;

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A migrated embedded database on a fresh directory, with one writer; upkeep only when called. */
async function freshDatabase() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bench-upkeep-"));
  const embedded = await startEmbeddedPostgres(dataDir, 0, 0);
  const pool = createPool(embedded.url, 2);
  await runMigrations(pool);
  const { rows } = await pool.query<{ id: string }>(
    "INSERT INTO users (email, display_name, slug, role, password_hash) VALUES ('bench@newsroom.test', 'Bench', 'bench', 'writer', 'x') RETURNING id",
  );
  process.env.DATABASE_URL = embedded.url;
  return { dataDir, embedded, pool, userId: rows[0].id };
}

async function newStory(pool: ReturnType<typeof createPool>, userId: string, words: number): Promise<string> {
  const { rows } = await pool.query<{ id: string }>("INSERT INTO stories (created_by, body) VALUES ($1, $2) RETURNING id", [
    userId,
    JSON.stringify(storyBody(words, { varied: true })),
  ]);
  return rows[0].id;
}

/** One side of part 1, in its own process: prints the data directory's size as JSON. */
async function autosavesSide(withUpkeep: boolean) {
  const { dataDir, embedded, pool, userId } = await freshDatabase();
  const storyId = await newStory(pool, userId, 1_500);
  const body = storyBody(1_500, { varied: true });
  let revision = 1;
  let upkeepMs = 0;
  for (let i = 1; i <= AUTOSAVES; i++) {
    body.content[i % body.content.length] = { type: "paragraph", content: [{ type: "text", text: `The writer's edit number ${i}.` }] };
    revision = await autosave(storyId, revision, body, userId);
    if (withUpkeep && i % UPKEEP_EVERY_SAVES === 0) {
      const started = performance.now();
      await embedded.upkeep.runOnce();
      upkeepMs += performance.now() - started;
    }
  }
  await pool.end();
  await embedded.stop();
  const bytes = directoryBytes(dataDir);
  // Tables and indexes, without the write-ahead log's fixed-size segments.
  const tableBytes = directoryBytes(path.join(dataDir, "pgdata", "base"));
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify({ bytes, tableBytes, upkeepMs }));
}

type Side = { bytes: number; tableBytes: number; upkeepMs: number };

function runSide(withUpkeep: boolean): Side {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, "--autosaves", withUpkeep ? "with-upkeep" : "without-upkeep"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`the ${withUpkeep ? "with" : "without"}-upkeep side failed:\n${child.stdout}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
}

/** N stories, each with one revision, written in bulk; then a tenth of them rewritten, leaving dead rows. */
async function seedStories(pool: ReturnType<typeof createPool>, userId: string) {
  const body = JSON.stringify(storyBody(700, { varied: true }));
  await pool.query(
    `INSERT INTO stories (headline, slug, body, word_count, created_by)
     SELECT 'Bench story ' || i, 'bench-' || i, $1::jsonb, 700, $2 FROM generate_series(1, $3::int) AS i`,
    [body, userId, STORIES],
  );
  await pool.query(
    `INSERT INTO story_revisions (story_id, revision, headline, dek, body, reason, author_id)
     SELECT id, 1, headline, dek, body, 'autosave', created_by FROM stories`,
  );
  await pool.query("VACUUM (ANALYZE)");
  await pool.query("UPDATE stories SET revision = revision + 1, updated_at = now() WHERE slug LIKE '%0'");
  await pool.query("UPDATE story_revisions SET revision = 2 WHERE story_id IN (SELECT id FROM stories WHERE revision = 2)");
}

async function upkeepUnderLoad() {
  const { dataDir, embedded, pool, userId } = await freshDatabase();
  try {
    const started = performance.now();
    await seedStories(pool, userId);
    console.log(`Seeded ${STORIES.toLocaleString("en")} stories and revisions in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    const storyId = await newStory(pool, userId, 1_500);
    const body = storyBody(1_500, { varied: true });
    let revision = 1;
    const save = async (i: number) => {
      body.content[0] = { type: "paragraph", content: [{ type: "text", text: `Edit ${i}.` }] };
      const saveStarted = performance.now();
      revision = await autosave(storyId, revision, body, userId);
      return performance.now() - saveStarted;
    };
    const quiet: number[] = [];
    for (let i = 0; i < 60; i++) quiet.push(await save(i));

    const duringUpkeep: number[] = [];
    const upkeep = embedded.upkeep.runOnce();
    let upkeepDone = false;
    void upkeep.finally(() => (upkeepDone = true));
    for (let i = 0; !upkeepDone; i++) duringUpkeep.push(await save(1_000 + i));
    const tables = await upkeep;

    console.log(`\nUpkeep at ${STORIES.toLocaleString("en")} stories (VACUUM (ANALYZE), one table per statement):`);
    for (const table of tables.filter((entry) => /\.(stories|story_revisions)$/.test(entry.table))) {
      console.log(`  ${table.table.padEnd(26)} ${table.ms.toFixed(0).padStart(6)} ms`);
    }
    const total = tables.reduce((sum, table) => sum + table.ms, 0);
    console.log(`  every table (${tables.length})${" ".repeat(12)} ${total.toFixed(0).padStart(6)} ms in all; the longest single hold ${Math.max(...tables.map((t) => t.ms)).toFixed(0)} ms`);
    for (const statement of ["VACUUM stories", "ANALYZE stories"]) {
      await pool.query("UPDATE stories SET updated_at = now() WHERE slug LIKE '%7'");
      const started = performance.now();
      await pool.query(statement);
      console.log(`  ${`${statement} alone, after a tenth rewritten`.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
    }
    console.log(report("autosave, no upkeep running", quiet.slice(10)));
    console.log(report(`autosave during upkeep (${duringUpkeep.length} saves)`, duringUpkeep));
    console.log(`  longest autosave during upkeep: ${Math.max(...duringUpkeep).toFixed(0)} ms; p95 during / p95 quiet: ${(percentile(duringUpkeep, 95) / percentile(quiet.slice(10), 95)).toFixed(1)}x`);
  } finally {
    await pool.end();
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const side = process.argv.indexOf("--autosaves");
  if (side > 0) return autosavesSide(process.argv[side + 1] === "with-upkeep");

  console.log(`Data directory after ${AUTOSAVES.toLocaleString("en")} autosaves of a 1,500-word story (embedded database):`);
  const without = runSide(false);
  const withUpkeep = runSide(true);
  const line = (label: string, side: Side) =>
    `  ${label.padEnd(28)} ${megabytes(side.bytes).padStart(10)} in all, ${megabytes(side.tableBytes).padStart(10)} of tables and indexes`;
  console.log(line("without upkeep", without));
  console.log(line(`vacuumed every ${UPKEEP_EVERY_SAVES} saves`, withUpkeep));
  console.log(
    `  with / without: ${(withUpkeep.bytes / without.bytes).toFixed(2)}× in all, ${(withUpkeep.tableBytes / without.tableBytes).toFixed(2)}× tables; upkeep took ${(withUpkeep.upkeepMs / 1000).toFixed(1)} s in all`,
  );
  await upkeepUnderLoad();
}

await main();
