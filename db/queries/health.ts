import "server-only";
import { pool } from "../client";

export type DatabaseKind = "embedded" | "postgres";

/** A real round trip; PGlite names itself in version(). */
export async function probeDatabase(): Promise<DatabaseKind> {
  const { rows } = await pool().query<{ version: string }>("SELECT version() AS version");
  return rows[0].version.includes("PGlite") ? "embedded" : "postgres";
}
