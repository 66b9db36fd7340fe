import "server-only";
import { and, asc, eq, inArray, isNull, not, sql } from "drizzle-orm";
import type { CommentAnchor } from "@/lib/comments/anchor";
import { mentionedSlugs } from "@/lib/comments/mentions";
import { emailAboutNotification } from "@/lib/email/notify";
import { db } from "../client";
import { comments, notifications, users } from "../schema";

export type StoryComment = {
  id: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  body: string;
  anchor: CommentAnchor | null;
  resolved: boolean;
  createdAt: Date;
  edited: boolean;
};

/** A story's comments in thread order; deleted ones leave no text behind. */
export async function listComments(storyId: string): Promise<StoryComment[]> {
  const rows = await db()
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorId: comments.authorId,
      authorName: users.displayName,
      body: comments.body,
      anchor: comments.anchor,
      resolvedAt: comments.resolvedAt,
      createdAt: comments.createdAt,
      updatedAt: comments.updatedAt,
    })
    .from(comments)
    .leftJoin(users, eq(comments.authorId, users.id))
    .where(and(eq(comments.storyId, storyId), isNull(comments.deletedAt)))
    .orderBy(asc(comments.createdAt));
  return rows.map(({ resolvedAt, updatedAt, anchor, ...row }) => ({
    ...row,
    anchor: (anchor as CommentAnchor | null) ?? null,
    resolved: resolvedAt !== null,
    edited: updatedAt.getTime() - row.createdAt.getTime() > 1000,
  }));
}

export async function findComment(id: string) {
  const [row] = await db()
    .select({ id: comments.id, storyId: comments.storyId, parentId: comments.parentId, authorId: comments.authorId })
    .from(comments)
    .where(and(eq(comments.id, id), isNull(comments.deletedAt)));
  return row;
}

/** Staff named as @slug in a comment, active ones only. */
async function mentionedStaff(body: string): Promise<string[]> {
  const slugs = mentionedSlugs(body);
  if (slugs.length === 0) return [];
  const rows = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.slug, slugs), eq(users.active, true)));
  return rows.map((row) => row.id);
}

export async function addComment(input: {
  storyId: string;
  authorId: string;
  body: string;
  parentId: string | null;
  anchor: CommentAnchor | null;
}): Promise<void> {
  const mentioned = (await mentionedStaff(input.body)).filter((id) => id !== input.authorId);
  await db().transaction(async (tx) => {
    await tx.insert(comments).values(input);
    if (mentioned.length > 0) {
      await tx.insert(notifications).values(
        mentioned.map((userId) => ({ userId, kind: "mention", storyId: input.storyId, actorId: input.authorId, note: input.body.slice(0, 300) })),
      );
      await emailAboutNotification(tx, { recipientIds: mentioned, kind: "mention", storyId: input.storyId, actorId: input.authorId, note: input.body.slice(0, 300) });
    }
  });
}

/** Only the author edits or deletes their own words; the WHERE clause holds the rule, not the caller. */
export async function editOwnComment(id: string, authorId: string, body: string): Promise<boolean> {
  const updated = await db()
    .update(comments)
    .set({ body, updatedAt: new Date() })
    .where(and(eq(comments.id, id), eq(comments.authorId, authorId), isNull(comments.deletedAt)))
    .returning({ id: comments.id });
  return updated.length === 1;
}

/** A comment with replies stays, so the replies keep their context; its author can still edit it. */
export async function deleteOwnComment(id: string, authorId: string): Promise<boolean> {
  const replies = sql`EXISTS (SELECT 1 FROM comments AS reply WHERE reply.parent_id = ${comments.id} AND reply.deleted_at IS NULL)`;
  const deleted = await db()
    .update(comments)
    .set({ deletedAt: new Date() })
    .where(and(eq(comments.id, id), eq(comments.authorId, authorId), isNull(comments.deletedAt), not(replies)))
    .returning({ id: comments.id });
  return deleted.length === 1;
}

export async function setCommentResolved(id: string, userId: string, resolved: boolean): Promise<void> {
  await db()
    .update(comments)
    .set(resolved ? { resolvedAt: new Date(), resolvedBy: userId } : { resolvedAt: null, resolvedBy: null })
    .where(and(eq(comments.id, id), isNull(comments.parentId)));
}
