import type { BackupSummary } from "./backup";
import { totalRows } from "./manifest";
import type { RestoreSummary } from "./restore";

const count = (n: number) => n.toLocaleString("en");
const counted = (n: number, thing: string) => `${count(n)} ${thing}${n === 1 ? "" : "s"}`;

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
    `  ${counted(manifest.tables.length, "table")}, ${counted(totalRows(manifest), "row")} (${tables.join(", ") || "none"}), ${counted(manifest.migrations.length, "migration")} applied`,
    `  ${counted(manifest.media.files, "media file")}, ${size(manifest.media.bytes)}`,
  ].join("\n");
}

export function describeRestore(file: string, { manifest, rows, mediaFiles, newerMigrations }: RestoreSummary): string {
  return [
    `Restored ${file} (Masthead ${manifest.mastheadVersion}, ${manifest.source} database, taken ${manifest.createdAt}):`,
    `  ${counted(rows, "row")} in ${counted(manifest.tables.length, "table")}, ${counted(mediaFiles, "media file")}${newerMigrations ? `, then ${counted(newerMigrations, "newer migration")}` : ""}`,
  ].join("\n");
}
