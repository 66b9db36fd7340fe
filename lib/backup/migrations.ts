import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type pg from "pg";
import { MIGRATIONS, runMigrations } from "@/db/migrate";
import type { AppliedMigration } from "./catalog";
import { BackupError } from "./errors";

/** This version's migrations as drizzle records them once applied. */
export function projectMigrations(): AppliedMigration[] {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS }).map((migration) => ({
    hash: migration.hash,
    createdAt: String(migration.folderMillis),
  }));
}

function isPrefixOf(history: AppliedMigration[], project: AppliedMigration[]): boolean {
  return history.length <= project.length && history.every((applied, i) => applied.hash === project[i].hash);
}

/** The backup's migration level; refuses one this version cannot reproduce. */
export function backupMigrationLevel(history: AppliedMigration[]): number {
  const project = projectMigrations();
  if (history.length > project.length && isPrefixOf(project, history)) {
    throw new BackupError(
      `This backup comes from a newer Masthead (${history.length} migrations; this version knows ${project.length}): restore it with that version or a later one.`,
    );
  }
  if (!isPrefixOf(history, project)) {
    throw new BackupError("This backup's migration history does not match this version of Masthead's migrations: restore it with the version that made it.");
  }
  return history.length;
}

/** Refuses a target whose migrations already went past the backup's (its schema would not match the rows). */
export function checkTargetMigrations(targetHistory: AppliedMigration[], backupLevel: number): void {
  if (!isPrefixOf(targetHistory, projectMigrations())) {
    throw new BackupError("The target database was migrated by a different version of Masthead; restore into a fresh database. Nothing was changed.");
  }
  if (targetHistory.length > backupLevel) {
    throw new BackupError(
      `The target database is already at migration ${targetHistory.length}, past the backup's ${backupLevel}: restore into a fresh database (one this Masthead has not started on yet). Nothing was changed.`,
    );
  }
}

/** Applies the project's first `level` migrations, through drizzle's own migrator on a shortened journal. */
export async function migrateTo(pool: pg.Pool, level: number): Promise<void> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-migrations-"));
  try {
    const entries = journal.entries.slice(0, level);
    fs.mkdirSync(path.join(folder, "meta"));
    fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
    for (const { tag } of entries) fs.copyFileSync(path.join(MIGRATIONS, `${tag}.sql`), path.join(folder, `${tag}.sql`));
    await runMigrations(pool, folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
