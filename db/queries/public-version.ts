import type pg from "pg";

/**
 * The public version alone, for the page cache (lib/page-cache/handler.ts). Not "server-only":
 * Next loads its cache handler outside the app's bundle, where that marker would refuse to load.
 */
export async function readPublicVersion(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ public_version: number }>("SELECT public_version FROM publication LIMIT 1");
  return rows[0]?.public_version ?? 0;
}
