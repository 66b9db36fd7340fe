import "server-only";
import { and, asc, eq, gte, lt, or, sql } from "drizzle-orm";
import { db } from "../client";
import { sections, stories } from "../schema";

/** Scheduled stories by their coming time and published ones by when they went live, in [from, to). */
export async function listCalendarStories(from: Date, to: Date) {
  const at = sql<Date>`coalesce(${stories.publishAt}, ${stories.publishedAt})`.mapWith(stories.publishedAt);
  return db()
    .select({ id: stories.id, headline: stories.headline, status: stories.status, at, sectionName: sections.name })
    .from(stories)
    .leftJoin(sections, eq(stories.sectionId, sections.id))
    .where(
      or(
        and(eq(stories.status, "scheduled"), gte(stories.publishAt, from), lt(stories.publishAt, to)),
        and(eq(stories.status, "published"), gte(stories.publishedAt, from), lt(stories.publishedAt, to)),
      ),
    )
    .orderBy(asc(at));
}
