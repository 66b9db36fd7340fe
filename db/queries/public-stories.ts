import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { db } from "../client";
import { sections, stories, storyBylines, users } from "../schema";

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
  if (rows.length === 0) return [];
  const bylines = await db()
    .select({ storyId: storyBylines.storyId, displayName: users.displayName, slug: users.slug })
    .from(storyBylines)
    .innerJoin(users, eq(storyBylines.userId, users.id))
    .where(inArray(storyBylines.storyId, rows.map((row) => row.id)))
    .orderBy(asc(storyBylines.position));
  return rows.map((row) => ({
    ...row,
    slug: row.slug!,
    publishedAt: row.publishedAt!,
    bylines: bylines.filter((byline) => byline.storyId === row.id).map(({ displayName, slug }) => ({ displayName, slug })),
  }));
}
