import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { db } from "../client";
import { auditLog, sections, stories } from "../schema";
import { bylinesByStory } from "./stories";

// When the story last went in for review: its latest submit in the audit log.
const submittedAt = sql<Date>`(
  SELECT max(${auditLog.createdAt}) FROM ${auditLog}
  WHERE ${auditLog.targetType} = 'story' AND ${auditLog.targetId} = ${stories.id}::text AND ${auditLog.action} = 'story.submit'
)`.mapWith(stories.updatedAt);

/** Stories waiting for the desk, the longest-waiting first. */
export async function listReviewQueue(sectionSlug?: string) {
  const rows = await db()
    .select({
      id: stories.id,
      headline: stories.headline,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      wordCount: stories.wordCount,
      submittedAt,
    })
    .from(stories)
    .leftJoin(sections, eq(stories.sectionId, sections.id))
    .where(and(eq(stories.status, "in_review"), sectionSlug ? eq(sections.slug, sectionSlug) : undefined))
    .orderBy(asc(submittedAt), asc(stories.createdAt))
    .limit(500);
  const bylines = await bylinesByStory(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, bylines: (bylines.get(row.id) ?? []).map((byline) => byline.displayName) }));
}

export async function countInReview(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(stories).where(eq(stories.status, "in_review"));
  return row.n;
}
