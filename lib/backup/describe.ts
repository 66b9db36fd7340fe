import type { BackupSummary } from "./backup";
import { totalRows } from "./manifest";
import type { RestoreSummary } from "./restore";

const count = (n: number) => n.toLocaleString("en");

export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function describeBackup({ file, size: fileSize, manifest }: BackupSummary): string {
  const tables = manifest.tables.filter((table) => table.rows > 0).map((table) => `${table.name} ${count(table.rows)}`);
  return [
    `Backed up the ${manifest.source === "embedded" ? "embedded database" : "PostgreSQL database"} and media to ${file} (${size(fileSize)}):`,
    `  ${manifest.tables.length} tables, ${count(totalRows(manifest))} rows (${tables.join(", ") || "none"}), ${manifest.migrations.length} migrations applied`,
    `  ${count(manifest.media.files)} media files, ${size(manifest.media.bytes)}`,
  ].join("\n");
}

export function describeRestore(file: string, { manifest, rows, mediaFiles, newerMigrations }: RestoreSummary): string {
  return [
    `Restored ${file} (Masthead ${manifest.mastheadVersion}, ${manifest.source} database, taken ${manifest.createdAt}):`,
    `  ${count(rows)} rows in ${manifest.tables.length} tables, ${count(mediaFiles)} media files${newerMigrations ? `, then ${newerMigrations} newer migrations` : ""}`,
  ].join("\n");
}
