import "server-only";
import { and, desc, eq, isNotNull, lte } from "drizzle-orm";
import { db } from "../client";
import { sections, stories } from "../schema";
import { bylinesByStory } from "./stories";

export type PublicStorySummary = {
  id: string;
  headline: string;
  dek: string;
  slug: string;
  sectionName: string;
  sectionSlug: string;
  publishedAt: Date;
  bylines: { displayName: string; slug: string }[];
};

/** Live stories only: published, with a publish time that has come. */
export async function listPublishedStories(limit = 20): Promise<PublicStorySummary[]> {
  const rows = await db()
    .select({
      id: stories.id,
      headline: stories.headline,
      dek: stories.dek,
      slug: stories.slug,
      publishedAt: stories.publishedAt,
      sectionName: sections.name,
      sectionSlug: sections.slug,
    })
    .from(stories)
    .innerJoin(sections, eq(stories.sectionId, sections.id))
    .where(and(eq(stories.status, "published"), isNotNull(stories.publishedAt), lte(stories.publishedAt, new Date())))
    .orderBy(desc(stories.publishedAt))
    .limit(limit);
  const bylines = await bylinesByStory(rows.map((row) => row.id));
  return rows.map((row) => ({
    ...row,
    slug: row.slug!,
    publishedAt: row.publishedAt!,
    bylines: bylines.get(row.id) ?? [],
  }));
}
