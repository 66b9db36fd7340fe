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
