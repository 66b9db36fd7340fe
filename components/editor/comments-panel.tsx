"use client";

import { useState } from "react";
import {
  type CommentsResponse,
  addCommentAction,
  deleteCommentAction,
  editCommentAction,
  resolveCommentAction,
} from "@/app/(desk)/desk/stories/comment-actions";
import type { StoryComment } from "@/db/queries/comments";
import type { CommentAnchor } from "@/lib/comments/anchor";

type Props = {
  storyId: string;
  userId: string;
  comments: StoryComment[];
  onCommentsChange: (comments: StoryComment[]) => void;
  /** The anchor for what is selected in the story body, or an error to show. */
  readSelection: () => CommentAnchor | string;
  /** Whether an anchor's words are still in the story. */
  isAnchorFound: (anchor: CommentAnchor) => boolean;
};

const fieldClass = "mt-1 w-full rounded border border-stone-300 px-3 py-2 font-normal";
const smallButton = "rounded border border-stone-300 px-2 py-0.5 text-xs";
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The story's discussion among staff: a thread per topic, some anchored to words in the text. */
export function CommentsPanel({ storyId, userId, comments, onCommentsChange, readSelection, isAnchorFound }: Props) {
  const [draft, setDraft] = useState("");
  const [anchor, setAnchor] = useState<CommentAnchor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(step: () => Promise<CommentsResponse>): Promise<boolean> {
    setPending(true);
    const result = await step();
    setPending(false);
    setError(result.error ?? null);
    if (result.comments) onCommentsChange(result.comments);
    return !result.error;
  }

  const threads = comments.filter((comment) => !comment.parentId);
  const repliesTo = (id: string) => comments.filter((comment) => comment.parentId === id);
  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);
  const threadProps = { storyId, userId, pending, run, repliesTo, isAnchorFound };

  return (
    <section aria-label="Comments" className="space-y-3 text-sm">
      <h2 className="font-semibold">Comments</h2>
      <button
        type="button"
        className={smallButton}
        // Keeps the text selection: pressing a button would otherwise move it.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          const selection = readSelection();
          if (typeof selection === "string") setError(selection);
          else {
            setAnchor(selection);
            setError(null);
          }
        }}
      >
        Comment on selection
      </button>
      {anchor && (
        <p className="flex items-start justify-between gap-2 rounded bg-amber-50 px-2 py-1">
          <span>
            On <q className="comment-quote">{anchor.quote}</q>
          </span>
          <button type="button" className="underline" onClick={() => setAnchor(null)}>
            Cancel
          </button>
        </p>
      )}
      <label className="block font-medium">
        New comment
        <textarea value={draft} maxLength={5000} rows={3} onChange={(event) => setDraft(event.target.value)} className={fieldClass} />
      </label>
      <p className="text-xs text-stone-600">Mention someone with @ and their author slug.</p>
      <button
        type="button"
        disabled={pending}
        className="rounded bg-stone-900 px-3 py-1 font-semibold text-white disabled:opacity-50"
        onClick={async () => {
          if (await run(() => addCommentAction({ storyId, body: draft, parentId: null, anchor }))) {
            setDraft("");
            setAnchor(null);
          }
        }}
      >
        Comment
      </button>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      {open.length > 0 && (
        <ol aria-label="Open comments" className="space-y-3">
          {open.map((thread) => (
            <Thread key={thread.id} thread={thread} {...threadProps} />
          ))}
        </ol>
      )}
      {resolved.length > 0 && (
        <details>
          <summary className="cursor-pointer">Resolved ({resolved.length})</summary>
          <ol aria-label="Resolved comments" className="mt-2 space-y-3">
            {resolved.map((thread) => (
              <Thread key={thread.id} thread={thread} {...threadProps} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

type ThreadProps = {
  storyId: string;
  thread: StoryComment;
  userId: string;
  pending: boolean;
  run: (step: () => Promise<CommentsResponse>) => Promise<boolean>;
  repliesTo: (id: string) => StoryComment[];
  isAnchorFound: (anchor: CommentAnchor) => boolean;
};

function Thread({ storyId, thread, userId, pending, run, repliesTo, isAnchorFound }: ThreadProps) {
  const [reply, setReply] = useState<string | null>(null);
  const replies = repliesTo(thread.id);
  return (
    <li aria-label={`Comment by ${thread.authorName ?? "a former colleague"}`} data-comment-id={thread.id} className="rounded border border-stone-300 p-2">
      {thread.anchor && (
        <p className="mb-1 text-xs text-stone-600">
          On <q className="comment-quote">{thread.anchor.quote}</q>
          {!isAnchorFound(thread.anchor) && " (these words are no longer in the story)"}
        </p>
      )}
      <CommentBody comment={thread} userId={userId} pending={pending} run={run} deletable={replies.length === 0} />
      {replies.length > 0 && (
        <ol aria-label="Replies" className="mt-2 space-y-2 border-l-2 border-stone-200 pl-3">
          {replies.map((item) => (
            <li key={item.id}>
              <CommentBody comment={item} userId={userId} pending={pending} run={run} deletable />
            </li>
          ))}
        </ol>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        {reply === null && (
          <button type="button" className={smallButton} onClick={() => setReply("")}>
            Reply
          </button>
        )}
        <button
          type="button"
          className={smallButton}
          disabled={pending}
          onClick={() => run(() => resolveCommentAction({ commentId: thread.id, resolved: !thread.resolved }))}
        >
          {thread.resolved ? "Reopen" : "Resolve"}
        </button>
      </div>
      {reply !== null && (
        <div className="mt-2">
          <label className="block font-medium">
            Reply
            <textarea value={reply} maxLength={5000} rows={2} onChange={(event) => setReply(event.target.value)} className={fieldClass} />
          </label>
          <div className="mt-1 flex gap-2">
            <button
              type="button"
              className={smallButton}
              disabled={pending}
              onClick={async () => {
                if (await run(() => addCommentAction({ storyId, body: reply, parentId: thread.id, anchor: null }))) setReply(null);
              }}
            >
              Send reply
            </button>
            <button type="button" className={smallButton} onClick={() => setReply(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

type CommentBodyProps = {
  comment: StoryComment;
  userId: string;
  pending: boolean;
  deletable: boolean;
  run: (step: () => Promise<CommentsResponse>) => Promise<boolean>;
};

function CommentBody({ comment, userId, pending, deletable, run }: CommentBodyProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const own = comment.authorId === userId;
  return (
    <div>
      <p className="text-xs text-stone-600">
        <span className="font-medium text-stone-900">{comment.authorName ?? "A former colleague"}</span> ·{" "}
        <time dateTime={new Date(comment.createdAt).toISOString()}>{timeFormat.format(new Date(comment.createdAt))}</time>
        {comment.edited && " · edited"}
      </p>
      {editing === null ? (
        <p className="whitespace-pre-line">{comment.body}</p>
      ) : (
        <label className="block font-medium">
          Edit comment
          <textarea value={editing} maxLength={5000} rows={2} onChange={(event) => setEditing(event.target.value)} className={fieldClass} />
        </label>
      )}
      {own && (
        <div className="mt-1 flex gap-2">
          {editing === null ? (
            <button type="button" className={smallButton} onClick={() => setEditing(comment.body)}>
              Edit
            </button>
          ) : (
            <button
              type="button"
              className={smallButton}
              disabled={pending}
              onClick={async () => {
                if (await run(() => editCommentAction({ commentId: comment.id, body: editing }))) setEditing(null);
              }}
            >
              Save comment
            </button>
          )}
          {deletable && editing === null && (
            <button type="button" className={smallButton} disabled={pending} onClick={() => run(() => deleteCommentAction({ commentId: comment.id }))}>
              Delete
            </button>
          )}
        </div>
      )}
    </div>
  );
}
