import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db, type Transaction } from "../client";
import { storyRevisions, users } from "../schema";
import type { EditableStory } from "./stories";

/** Autosaves by one person within this window share one snapshot instead of one per keystroke pause. */
export const AUTOSAVE_SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;

export type RevisionReason = "autosave" | "save" | "restore" | "submit" | "withdraw" | string;

function snapshotOf(story: EditableStory) {
  return {
    headline: story.headline,
    dek: story.dek,
    body: story.body,
    fields: {
      slug: story.slug,
      sectionId: story.sectionId,
      seoTitle: story.seoTitle,
      seoDescription: story.seoDescription,
      tags: story.tags,
      featuredImageId: story.featuredImageId,
      featuredImageAlt: story.featuredImageAlt,
      featuredImageCaption: story.featuredImageCaption,
      featuredImageCredit: story.featuredImageCredit,
      bylineIds: story.bylines.map((byline) => byline.id),
    },
  };
}

/**
 * Snapshots a story as it now is. An autosave replaces the author's own recent autosave
 * snapshot rather than piling up another.
 */
export async function recordRevision(tx: Transaction, story: EditableStory, reason: RevisionReason, authorId: string | null) {
  if (reason === "autosave" && authorId) {
    const [latest] = await tx
      .select({ id: storyRevisions.id, reason: storyRevisions.reason, authorId: storyRevisions.authorId, createdAt: storyRevisions.createdAt })
      .from(storyRevisions)
      .where(eq(storyRevisions.storyId, story.id))
      .orderBy(desc(storyRevisions.createdAt))
      .limit(1);
    const recent = latest && Date.now() - latest.createdAt.getTime() < AUTOSAVE_SNAPSHOT_INTERVAL_MS;
    if (recent && latest.reason === "autosave" && latest.authorId === authorId) {
      await tx
        .update(storyRevisions)
        .set({ ...snapshotOf(story), revision: story.revision })
        .where(eq(storyRevisions.id, latest.id));
      return;
    }
  }
  await tx.insert(storyRevisions).values({ storyId: story.id, revision: story.revision, reason, authorId, ...snapshotOf(story) });
}

export async function listRevisions(storyId: string) {
  return db()
    .select({
      id: storyRevisions.id,
      revision: storyRevisions.revision,
      reason: storyRevisions.reason,
      createdAt: storyRevisions.createdAt,
      authorName: users.displayName,
    })
    .from(storyRevisions)
    .leftJoin(users, eq(storyRevisions.authorId, users.id))
    .where(eq(storyRevisions.storyId, storyId))
    .orderBy(desc(storyRevisions.createdAt))
    .limit(200);
}

export async function getRevision(storyId: string, revisionId: string) {
  const [row] = await db()
    .select()
    .from(storyRevisions)
    .where(and(eq(storyRevisions.storyId, storyId), eq(storyRevisions.id, revisionId)));
  return row;
}

/**
 * What the desk compares when a story comes back: the version handed in the time before
 * (or, after a first submission, that one) against the story as it is now.
 */
export async function sinceLastSubmission(storyId: string): Promise<{ from: string; to: string } | null> {
  const [latest] = await db()
    .select({ id: storyRevisions.id })
    .from(storyRevisions)
    .where(eq(storyRevisions.storyId, storyId))
    .orderBy(desc(storyRevisions.createdAt))
    .limit(1);
  const submissions = await db()
    .select({ id: storyRevisions.id })
    .from(storyRevisions)
    .where(and(eq(storyRevisions.storyId, storyId), eq(storyRevisions.reason, "submit")))
    .orderBy(desc(storyRevisions.createdAt))
    .limit(2);
  const from = submissions[1] ?? submissions[0];
  return latest && from && from.id !== latest.id ? { from: from.id, to: latest.id } : null;
}
