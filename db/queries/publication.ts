import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "../client";
import { publication } from "../schema";

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

/** Settings show on public pages on the very next request: the public version moves with them. */
export async function updatePublication(settings: PublicationSettings): Promise<void> {
  await db()
    .update(publication)
    .set({ ...settings, publicVersion: sql`${publication.publicVersion} + 1`, updatedAt: new Date() })
    .where(eq(publication.id, 1));
}
