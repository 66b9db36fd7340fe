/**
 * A backup file: the header line `MASTHEAD-BACKUP <format>\n`, then gzip-compressed records, then
 * the trailer `MASTHEAD-BACKUP-END sha256:<hex>\n`, the SHA-256 of everything before it. Records are
 * lines `<kind> <json>`: `table {"name"}` followed by one `row <json>` line per row, `media
 * {"key","size"}` followed by the object's bytes and a newline, and last the `manifest`.
 */
export const HEADER_PREFIX = "MASTHEAD-BACKUP ";
export const TRAILER_PREFIX = "MASTHEAD-BACKUP-END sha256:";
export const TRAILER_LENGTH = TRAILER_PREFIX.length + 64 + 1;

export function headerLine(format: number): string {
  return `${HEADER_PREFIX}${format}\n`;
}

export function trailerLine(sha256Hex: string): string {
  return `${TRAILER_PREFIX}${sha256Hex}\n`;
}

export type RecordKind = "table" | "row" | "media" | "manifest";
