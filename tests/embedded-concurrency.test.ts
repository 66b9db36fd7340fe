import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/db/embedded/server";

it("keeps each connection's parameterised queries apart when many run at once", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-concurrency-"));
  const embedded = await startEmbeddedPostgres(dataDir);
  const pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
  try {
    // Differently typed statements, and transactions starting while other queries are half-sent
    // (as the scheduler's do): interleaved, one query binds its parameters to another's statement.
    const inTransaction = async (index: number) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query("SELECT $1::int * 2 AS value", [index]);
        await client.query("COMMIT");
        return rows[0].value / 2 === index ? `n${index}` : "wrong";
      } finally {
        client.release();
      }
    };
    const queries = Array.from({ length: 150 }, (_, index) =>
      index % 3 === 0
        ? pool.query("SELECT $1::uuid AS value", ["6f1c1b1e-8c1a-4c52-9a55-0d5e1f0b2c3d"]).then((result) => result.rows[0].value)
        : index % 3 === 1
          ? pool.query("SELECT $1::text || $2::int AS value", ["n", index]).then((result) => result.rows[0].value)
          : inTransaction(index),
    );
    const values = await Promise.all(queries);
    values.forEach((value, index) => {
      expect(value).toBe(index % 3 === 0 ? "6f1c1b1e-8c1a-4c52-9a55-0d5e1f0b2c3d" : `n${index}`);
    });
  } finally {
    await pool.end();
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

it("keeps each connection's named statements to itself, as PostgreSQL does, and drops them when it goes", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-statements-"));
  const embedded = await startEmbeddedPostgres(dataDir);
  const [first, second, observer] = [new pg.Client(embedded.url), new pg.Client(embedded.url), new pg.Client(embedded.url)];
  try {
    for (const client of [first, second, observer]) await client.connect();
    const sum = (value: number) => first.query({ name: "shared", text: "SELECT $1::int + 1 AS value", values: [value] });
    const shout = (value: string) => second.query({ name: "shared", text: "SELECT $1::text || '!' AS value", values: [value] });
    // Each prepared once, then run from what it prepared.
    for (let round = 0; round < 3; round++) {
      expect((await sum(round)).rows).toEqual([{ value: round + 1 }]);
      expect((await shout(`r${round}`)).rows).toEqual([{ value: `r${round}!` }]);
    }
    const left = async () => (await observer.query("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE '%shared'")).rows[0].n;
    expect(await left()).toBe(2);
    await first.end();
    await expect.poll(left).toBe(1);
    expect((await shout("still")).rows).toEqual([{ value: "still!" }]);
  } finally {
    await second.end().catch(() => {});
    await observer.end().catch(() => {});
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
