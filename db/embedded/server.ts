import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { lockDataDir } from "./data-dir-lock";
import { prepareDataDir } from "./data-dir";
import { ProtocolQueue } from "./protocol-queue";
import { type EmbeddedUpkeep, startEmbeddedUpkeep, upkeepIntervalMs } from "./upkeep";

export type EmbeddedPostgres = { url: string; upkeep: EmbeddedUpkeep; stop: () => Promise<void> };

const MAX_CONNECTIONS = 32;

/** Runs PGlite as a Postgres server on loopback; this process alone owns the data directory. */
export async function startEmbeddedPostgres(dataDir: string, port = 0, upkeepEveryMs = upkeepIntervalMs()): Promise<EmbeddedPostgres> {
  prepareDataDir(dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    const db = await PGlite.create(path.join(dataDir, "pgdata"));
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: MAX_CONNECTIONS });
    // Replaces the library's queue before any connection exists (see ProtocolQueue for why).
    (server as unknown as { queryQueue: ProtocolQueue }).queryQueue = new ProtocolQueue(db);
    await server.start();
    const url = new URL(`postgresql://${server.getServerConn()}`);
    url.username = "postgres";
    url.password = "postgres";
    url.pathname = "/postgres";
    const upkeep = startEmbeddedUpkeep(url.toString(), upkeepEveryMs, (error) => console.error("Vacuuming the embedded database failed", error));
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        try {
          await upkeep.stop();
          await server.stop();
          await db.close();
        } finally {
          unlock();
        }
      })());
    return { url: url.toString(), upkeep, stop };
  } catch (error) {
    unlock();
    throw error;
  }
}
