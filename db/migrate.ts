import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";

export const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
// Any constant shared by every instance: two instances starting together migrate one after the other.
const MIGRATION_LOCK = 74_726_173;

/** Applies the migrations in the folder (the project's own unless a restore brings a shorter list). */
export async function runMigrations(pool: pg.Pool, migrationsFolder = MIGRATIONS): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
