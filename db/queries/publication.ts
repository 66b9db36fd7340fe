import "server-only";
import { eq, sql } from "drizzle-orm";
import { searchConfigFor } from "@/lib/search-language";
import { db } from "../client";
import { publicStories, publication } from "../schema";

export async function getPublication() {
  const [row] = await db().select().from(publication).where(eq(publication.id, 1));
  return row ?? { name: "Masthead", description: "", language: "en", timezone: "UTC", logoMediaId: null, socialImageMediaId: null };
}

export type PublicationSettings = {
  name: string;
  description: string;
  language: string;
  timezone: string;
  /** Undefined keeps the current image, null removes it. */
  logoMediaId?: string | null;
  socialImageMediaId?: string | null;
};

/**
 * The configuration live stories are indexed and searched with, read inside the statement that
 * uses it. Before the settings row exists it is the column's own default, as readPublicState's.
 */
export const currentSearchConfig = sql<string>`coalesce((select ${publication.searchConfig} from ${publication} where ${publication.id} = 1), 'english'::regconfig)`;

/**
 * Settings show on public pages on the very next request: the public version moves with them. A
 * language with other stemming re-indexes every live story in the same transaction, so search
 * never mixes two languages' words.
 */
export async function updatePublication(settings: PublicationSettings): Promise<void> {
  const searchConfig = searchConfigFor(settings.language);
  await db().transaction(async (tx) => {
    await tx
      .update(publication)
      .set({ ...settings, searchConfig, publicVersion: sql`${publication.publicVersion} + 1`, updatedAt: new Date() })
      .where(eq(publication.id, 1));
    await tx.update(publicStories).set({ searchConfig }).where(sql`${publicStories.searchConfig} <> ${searchConfig}::regconfig`);
  });
}
