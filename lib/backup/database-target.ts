import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/db/embedded/server";

export type DatabaseTarget = { url: string; kind: "embedded" | "postgresql"; stop: () => Promise<void> };

/** The running embedded server's address (scripts/database.ts writes it), if one answers there. */
async function runningEmbeddedServer(dataDir: string): Promise<string | null> {
  let url: string;
  try {
    url = fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim();
  } catch {
    return null;
  }
  // A file left by a killed server names a port nobody answers on: then the directory is free.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
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
  const running = await runningEmbeddedServer(dataDir);
  if (running) return { url: running, kind: "embedded", stop: async () => {} };
  return openEmbedded(dataDir);
}

/** DATABASE_URL; otherwise the embedded database in DATA_DIR, which no server may be running on. */
export async function openRestoreTarget(dataDir: string): Promise<DatabaseTarget> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, kind: "postgresql", stop: async () => {} };
  return openEmbedded(dataDir);
}
