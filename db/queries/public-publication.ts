import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { publication } from "../schema";

export type PublicState = {
  name: string;
  description: string;
  language: string;
  timezone: string;
  /** What public caches key on (see lib/public/versioned-cache.ts). */
  version: number;
};

/** The one query every public request makes: the publication's settings and its public version. */
export async function readPublicState(): Promise<PublicState> {
  const [row] = await db()
    .select({
      name: publication.name,
      description: publication.description,
      language: publication.language,
      timezone: publication.timezone,
      version: publication.publicVersion,
    })
    .from(publication)
    .where(eq(publication.id, 1));
  return row ?? { name: "Masthead", description: "", language: "en", timezone: "UTC", version: 0 };
}
