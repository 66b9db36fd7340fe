import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { createPool } from "./pool";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
/** The database or a transaction on it: queries that compose take either. */
export type Transaction = Pick<Database, "select" | "insert" | "update" | "delete" | "execute">;

// One pool per server process, kept across dev hot reloads.
const globalForDb = globalThis as unknown as { mastheadPool?: pg.Pool; mastheadDb?: Database };

export function pool(): pg.Pool {
  if (!globalForDb.mastheadPool) {
    globalForDb.mastheadPool = createPool(process.env.DATABASE_URL);
  }
  return globalForDb.mastheadPool;
}

export function db(): Database {
  globalForDb.mastheadDb ??= drizzle(pool(), { schema });
  return globalForDb.mastheadDb;
}
