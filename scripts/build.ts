/**
 * `npm run build`: `next build` with an empty database of its own. Next renders the pages without
 * parameters (the front page, corrections, the feed) while building, to learn that they can be
 * cached; they read the database like any page, but nothing rendered here is ever served: pages
 * are rendered and cached when first asked for (lib/page-cache/handler.ts), which Next loads as
 * JavaScript compiled first (scripts/compile-server.ts).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { startEmbeddedPostgres } from "../db/embedded/server";
import { runMigrations } from "../db/migrate";
import { createPool } from "../db/pool";
import * as schema from "../db/schema";
import { ensurePublication } from "../db/seed";
import { compileServer } from "./compile-server";
import { exitWithError } from "./fatal";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<number> {
  await compileServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-build-"));
  const database = await startEmbeddedPostgres(dataDir, 0, 0);
  try {
    const pool = createPool(database.url, 2);
    try {
      await runMigrations(pool);
      await ensurePublication(drizzle(pool, { schema }));
    } finally {
      await pool.end();
    }
    // Not spawnSync: this process's event loop serves the database the build reads.
    const build = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build", ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
    });
    return await new Promise<number>((resolve) => build.on("exit", (code) => resolve(code ?? 1)));
  } finally {
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), exitWithError);
