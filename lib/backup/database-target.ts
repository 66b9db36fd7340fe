import fs from "node:fs";
import path from "node:path";
import { lockHolder } from "@/db/embedded/data-dir-lock";
import { startEmbeddedPostgres } from "@/db/embedded/server";
import { BackupError } from "./errors";

export type DatabaseTarget = { url: string; kind: "embedded" | "postgresql"; stop: () => Promise<void> };

/**
 * The address of the server running on the data directory, if one holds its lock: it wrote the
 * address next to the lock (scripts/database.ts). A file left by a killed server is not trusted.
 */
function runningEmbeddedServer(dataDir: string): string | null {
  const holder = lockHolder(dataDir);
  if (holder === null) return null;
  try {
    return fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim();
  } catch {
    throw new BackupError(`The database in ${dataDir} is held by process ${holder}, which has not written its address yet: wait until it has started, then back up again.`);
  }
}

async function openEmbedded(dataDir: string): Promise<DatabaseTarget> {
  const embedded = await startEmbeddedPostgres(dataDir);
  return { url: embedded.url, kind: "embedded", stop: embedded.stop };
}

/** DATABASE_URL; otherwise the embedded database in DATA_DIR, through its server when one runs. */
export async function openBackupSource(dataDir: string): Promise<DatabaseTarget> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, kind: "postgresql", stop: async () => {} };
  const running = runningEmbeddedServer(dataDir);
  if (running) return { url: running, kind: "embedded", stop: async () => {} };
  return openEmbedded(dataDir);
}

/** DATABASE_URL; otherwise the embedded database in DATA_DIR, which no server may be running on. */
export async function openRestoreTarget(dataDir: string): Promise<DatabaseTarget> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, kind: "postgresql", stop: async () => {} };
  return openEmbedded(dataDir);
}
