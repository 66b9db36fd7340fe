import fs from "node:fs";
import path from "node:path";
import { DataDirInUseError } from "../db/embedded/data-dir-lock";
import { startEmbeddedPostgres } from "../db/embedded/server";

export type RunningDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

/** DATABASE_URL when set; otherwise the embedded server, owned by this process, on DATA_DIR. */
export async function openDatabase(dataDir: string): Promise<RunningDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres(dataDir, Number(process.env.EMBEDDED_DB_PORT || 0));
  // Tools (psql, drizzle-kit studio, the browser tests) find the running server here.
  const urlFile = path.join(dataDir, "database-url");
  fs.writeFileSync(urlFile, embedded.url, { mode: 0o600 });
  return {
    url: embedded.url,
    embedded: true,
    stop: async () => {
      fs.rmSync(urlFile, { force: true });
      await embedded.stop();
    },
  };
}

/**
 * For chores that may run beside the server: DATABASE_URL, else the embedded database, opened
 * here when no server holds DATA_DIR, or reached through the running server's address.
 */
export async function reachDatabase(dataDir: string): Promise<RunningDatabase> {
  try {
    return await openDatabase(dataDir);
  } catch (error) {
    const urlFile = path.join(dataDir, "database-url");
    if (!(error instanceof DataDirInUseError) || !fs.existsSync(urlFile)) throw error;
    return { url: fs.readFileSync(urlFile, "utf8").trim(), embedded: true, stop: async () => {} };
  }
}
