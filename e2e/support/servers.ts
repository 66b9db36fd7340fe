import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Set once in Playwright's main process; workers inherit it, so every process agrees on the directories.
process.env.E2E_RUN_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "masthead-e2e-"));
export const runDir = process.env.E2E_RUN_DIR;

export type TestServer = { port: number; dataDir: string; databaseUrl: string };

/** Another checkout can run its browser tests beside this one by choosing another base. */
export const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3210);

/** The seeded newsroom most tests use, and an empty one for the first-run setup. */
export const servers = {
  newsroom: { port: PORT_BASE, dataDir: path.join(runDir, "newsroom"), databaseUrl: process.env.E2E_DATABASE_URL ?? "" },
  firstRun: { port: PORT_BASE + 1, dataDir: path.join(runDir, "first-run"), databaseUrl: process.env.E2E_SETUP_DATABASE_URL ?? "" },
} satisfies Record<string, TestServer>;

export const expectedDatabaseKind = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";

export const DEMO_PASSWORD = "newsroom-demo";
