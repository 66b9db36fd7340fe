import { customType, timestamp } from "drizzle-orm/pg-core";

/** Column helpers the schema's tables share. */

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** A PostgreSQL text-search configuration (english, german, simple…); see lib/search-language.ts. */
export const regconfig = customType<{ data: string }>({ dataType: () => "regconfig" });

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
