import "server-only";
import { pool } from "../client";
import journal from "../migrations/meta/_journal.json";

export type DatabaseKind = "embedded" | "postgres";

/** A real round trip; PGlite names itself in version(). */
export async function probeDatabase(): Promise<DatabaseKind> {
  const { rows } = await pool().query<{ version: string }>("SELECT version() AS version");
  return rows[0].version.includes("PGlite") ? "embedded" : "postgres";
}

/**
 * Whether the database lacks migrations this code expects: another instance is still migrating
 * it (or never did). drizzle applies, in order, every migration newer than the last it recorded.
 */
export async function migrationsBehind(): Promise<boolean> {
  const latest = Math.max(...journal.entries.map((entry) => entry.when));
  const { rows: [table] } = await pool().query<{ name: string | null }>("SELECT to_regclass('drizzle.__drizzle_migrations')::text AS name");
  if (!table.name) return true;
  const { rows } = await pool().query<{ applied: string | null }>("SELECT max(created_at)::text AS applied FROM drizzle.__drizzle_migrations");
  return rows[0].applied === null || Number(rows[0].applied) < latest;
}
