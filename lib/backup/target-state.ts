import type { MediaStorage } from "@/lib/media/storage";
import { appTables, qualified, type Queryable } from "./catalog";
import { BackupError } from "./errors";

// Rows a new database gets before anyone uses it: the publication row every start creates (db/seed ensurePublication).
const STARTUP_ROWS: Record<string, string> = { publication: "name = 'Masthead' AND description = ''" };

/** Refuses a database that holds anything beyond what migrations and a first start put there. */
export async function refuseNonEmptyDatabase(client: Queryable): Promise<void> {
  const occupied: string[] = [];
  for (const table of await appTables(client)) {
    const startup = STARTUP_ROWS[table];
    const { rows } = await client.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${qualified(table)}${startup ? ` WHERE NOT (${startup})` : ""}) AS found`,
    );
    if (rows[0].found) occupied.push(table);
  }
  if (occupied.length > 0) {
    throw new BackupError(
      `The target database is not empty (it has rows in ${occupied.join(", ")}): restore needs a new database, or one Masthead has only just created. Nothing was changed.`,
    );
  }
}

export async function refuseNonEmptyMediaStore(storage: MediaStorage): Promise<void> {
  for await (const key of storage.list()) {
    throw new BackupError(`The media store is not empty (it holds ${key}, among others): restore needs an empty one. Nothing was changed.`);
  }
}
