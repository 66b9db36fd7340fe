import type pg from "pg";

/** The app's schema; drizzle keeps its migration history apart, in `drizzle`. */
export const APP_SCHEMA = "public";

export type Queryable = Pick<pg.ClientBase, "query">;

export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(table: string): string {
  return `${quoted(APP_SCHEMA)}.${quoted(table)}`;
}

export async function appTables(client: Queryable): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    [APP_SCHEMA],
  );
  return rows.map((row) => row.name);
}

/** The columns a restore writes: generated ones are computed again by the target. */
export async function writableColumns(client: Queryable, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [qualified(table)],
  );
  return rows.map((row) => row.name);
}

export type SequenceValue = { name: string; lastValue: string | null };

export async function sequenceValues(client: Queryable): Promise<SequenceValue[]> {
  const { rows } = await client.query<{ name: string; last_value: string | null }>(
    "SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = $1 ORDER BY sequencename",
    [APP_SCHEMA],
  );
  return rows.map((row) => ({ name: row.name, lastValue: row.last_value }));
}

export type AppliedMigration = { hash: string; createdAt: string };

/** drizzle's history, oldest first; empty when no migration ever ran. */
export async function appliedMigrations(client: Queryable): Promise<AppliedMigration[]> {
  const { rows: exists } = await client.query<{ found: boolean }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found",
  );
  if (!exists[0].found) return [];
  const { rows } = await client.query<{ hash: string; created_at: string }>(
    "SELECT hash, created_at::text FROM drizzle.__drizzle_migrations ORDER BY created_at, id",
  );
  return rows.map((row) => ({ hash: row.hash, createdAt: row.created_at }));
}

export type ForeignKey = { table: string; name: string; definition: string };

export async function foreignKeys(client: Queryable): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT cl.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
     WHERE c.contype = 'f' AND n.nspname = $1 ORDER BY cl.relname, c.conname`,
    [APP_SCHEMA],
  );
  return rows;
}
