import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../db/embedded/server";
import { runMigrations } from "../../db/migrate";
import { createPool } from "../../db/pool";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** A fresh database per run: the one scripts/test.ts created on a real PostgreSQL, or an embedded one. */
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let teardown = async () => {};
  if (!url) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-unit-"));
    const embedded = await startEmbeddedPostgres(dataDir);
    url = embedded.url;
    teardown = async () => {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const pool = createPool(url, 1);
  await runMigrations(pool);
  await pool.end();
  project.provide("databaseUrl", url);
  return teardown;
}
