"use server";

import { z } from "zod";
import { type StoryComment, addComment, deleteOwnComment, editOwnComment, findComment, listComments, setCommentResolved } from "@/db/queries/comments";
import { findStoryScope } from "@/db/queries/stories";
import { commentAnchor } from "@/lib/comments/anchor";
import { can } from "@/lib/policy";
import { takeAttempt, tooManyMessage } from "@/lib/rate-limits";
import { FORBIDDEN, SESSION_ENDED, firstIssue } from "@/lib/server-action";
import { currentUser } from "@/lib/session";

export type CommentsResponse = { comments?: StoryComment[]; error?: string };

const NOT_FOUND = "This story does not exist, or you cannot open it.";
const commentText = z.string().trim().min(1, "Write something first.").max(5000, "Keep a comment under 5,000 characters.");

const addInput = z.strictObject({
  storyId: z.uuid(NOT_FOUND),
  body: commentText,
  parentId: z.uuid("That comment no longer exists.").nullable(),
  anchor: commentAnchor.nullable(),
});

const commentInput = z.strictObject({ commentId: z.uuid("That comment no longer exists.") });
const editInput = commentInput.extend({ body: commentText });
const resolveInput = commentInput.extend({ resolved: z.boolean() });

/** Comments are for people who may open the story (lib/policy "story.comment"); never public. */
async function authorize(storyId: string) {
  const user = await currentUser();
  if (!user) return { error: SESSION_ENDED } as const;
  const scope = await findStoryScope(storyId);
  if (!scope || !can(user, "story.open", scope)) return { error: NOT_FOUND } as const;
  if (!can(user, "story.comment", scope)) return { error: FORBIDDEN } as const;
  return { user } as const;
}

/** Every step on a comment first finds the story it belongs to, then asks the policy. */
async function onComment<T extends { commentId: string }>(
  schema: z.ZodType<T>,
  input: unknown,
  act: (data: T, userId: string, parentId: string | null) => Promise<string | null>,
): Promise<CommentsResponse> {
  if (!(await currentUser())) return { error: SESSION_ENDED };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const comment = await findComment(parsed.data.commentId);
  if (!comment) return { error: "That comment no longer exists." };
  const allowed = await authorize(comment.storyId);
  if ("error" in allowed) return { error: allowed.error };
  const problem = await act(parsed.data, allowed.user.id, comment.parentId);
  if (problem) return { error: problem };
  return { comments: await listComments(comment.storyId) };
}

export async function addCommentAction(input: unknown): Promise<CommentsResponse> {
  if (!(await currentUser())) return { error: SESSION_ENDED };
  const parsed = addInput.safeParse(input);
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const { storyId, body, parentId, anchor } = parsed.data;
  const allowed = await authorize(storyId);
  if ("error" in allowed) return { error: allowed.error };
  if (parentId) {
    const parent = await findComment(parentId);
    if (!parent || parent.storyId !== storyId || parent.parentId) return { error: "That comment no longer exists." };
  }
  const wait = await takeAttempt("comment", allowed.user.id);
  if (wait > 0) return { error: tooManyMessage(wait) };
  await addComment({ storyId, authorId: allowed.user.id, body, parentId, anchor: parentId ? null : anchor });
  return { comments: await listComments(storyId) };
}

export async function editCommentAction(input: unknown): Promise<CommentsResponse> {
  return onComment(editInput, input, async ({ commentId, body }, userId) =>
    (await editOwnComment(commentId, userId, body)) ? null : "You can only edit your own comments.",
  );
}

export async function deleteCommentAction(input: unknown): Promise<CommentsResponse> {
  return onComment(commentInput, input, async ({ commentId }, userId) =>
    (await deleteOwnComment(commentId, userId)) ? null : "You can only delete your own comments, and only before anyone replies.",
  );
}

export async function resolveCommentAction(input: unknown): Promise<CommentsResponse> {
  return onComment(resolveInput, input, async ({ commentId, resolved }, userId, parentId) => {
    if (parentId) return "Resolve the whole thread from its first comment.";
    await setCommentResolved(commentId, userId, resolved);
    return null;
  });
}
