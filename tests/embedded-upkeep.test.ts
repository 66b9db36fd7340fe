import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@/db/embedded/server";
import { startEmbeddedUpkeep } from "@/db/embedded/upkeep";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-upkeep-"));
let embedded: EmbeddedPostgres;
let client: pg.Client;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres(dataDir, 0, 0);
  client = new pg.Client(embedded.url);
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await embedded.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const pages = async (table: string) =>
  Number((await client.query<{ bytes: string }>("SELECT pg_relation_size($1) AS bytes", [table])).rows[0].bytes);

/** One autosave's worth of churn: every row rewritten, leaving its old version dead. */
async function rewriteAll(table: string, rounds: number) {
  for (let round = 0; round < rounds; round++) await client.query(`UPDATE ${table} SET body = repeat(md5(random()::text), 20)`);
}

describe("embedded database upkeep", () => {
  test("without upkeep rewrites keep growing a table; with it between rounds the table stays its size", async () => {
    await client.query("CREATE TABLE churn (id int PRIMARY KEY, body text)");
    await client.query("INSERT INTO churn SELECT i, repeat('x', 640) FROM generate_series(1, 500) AS i");
    const initial = await pages("churn");
    for (let round = 0; round < 6; round++) await rewriteAll("churn", 2);
    const unkept = await pages("churn");
    expect(unkept).toBeGreaterThan(initial * 4);

    await embedded.upkeep.runOnce();
    const vacuumed = await pages("churn");
    for (let round = 0; round < 6; round++) {
      await rewriteAll("churn", 2);
      await embedded.upkeep.runOnce();
    }
    expect(await pages("churn")).toBeLessThanOrEqual(vacuumed * 1.2);
  });

  test("every table is vacuumed and analyzed, each in a statement of its own", async () => {
    await client.query("CREATE TABLE counted (id int)");
    await client.query("INSERT INTO counted SELECT generate_series(1, 1000)");
    const done = await embedded.upkeep.runOnce();
    expect(done.map((entry) => entry.table)).toEqual(expect.arrayContaining(["public.counted", "public.churn"]));
    const { rows } = await client.query("SELECT reltuples::int AS estimate FROM pg_class WHERE relname = 'counted'");
    expect(rows[0].estimate).toBe(1000);
  });

  test("other connections' queries take their turns while upkeep runs", async () => {
    const other = new pg.Client(embedded.url);
    await other.connect();
    try {
      const upkeep = embedded.upkeep.runOnce();
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => other.query("SELECT $1::int AS n", [i])));
      expect(answers.map((answer) => answer.rows[0].n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect((await upkeep).length).toBeGreaterThan(0);
    } finally {
      await other.end();
    }
  });

  test("runs on its schedule and stops cleanly", async () => {
    await client.query("CREATE TABLE scheduled (id int)");
    await client.query("INSERT INTO scheduled SELECT generate_series(1, 300)");
    const upkeep = startEmbeddedUpkeep(embedded.url, 100, (error) => {
      throw error;
    });
    try {
      await expect
        .poll(async () => (await client.query("SELECT reltuples::int AS estimate FROM pg_class WHERE relname = 'scheduled'")).rows[0].estimate, {
          timeout: 10_000,
        })
        .toBe(300);
    } finally {
      await upkeep.stop();
    }
  });
});
