import fs from "node:fs";
import path from "node:path";
import { z } from "@/lib/zod";

export const FORMAT_VERSION = 1;

const manifestSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  mastheadVersion: z.string(),
  createdAt: z.string(),
  source: z.enum(["embedded", "postgresql"]),
  /** drizzle's migration history (drizzle.__drizzle_migrations), oldest first. */
  migrations: z.array(z.object({ hash: z.string(), createdAt: z.string() })),
  /** Every table of the app's schema, in the order the file holds them, with its row count. */
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative() })),
  /** Sequence values as PostgreSQL prints them (bigint); null for one never used. */
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  media: z.object({ files: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
});

export type Manifest = z.infer<typeof manifestSchema>;

export function parseManifest(json: string): Manifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function mastheadVersion(): string {
  const packageJson = path.resolve(import.meta.dirname, "../../package.json");
  return (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { version: string }).version;
}

export function totalRows(manifest: Manifest): number {
  return manifest.tables.reduce((sum, table) => sum + table.rows, 0);
}
