import type { JSONContent } from "@tiptap/core";
import type { Metadata } from "next";
import Link from "next/link";
import { BodyDiff, WordDiff } from "@/components/desk/word-diff";
import { getRevision, listRevisions } from "@/db/queries/story-revisions";
import { can } from "@/lib/policy";
import { isUuid, openDeskStory } from "@/lib/desk-story";
import { diffStoryBodies, diffText } from "@/lib/story-body/diff";
import { restoreRevisionAction } from "../../actions";

export const metadata: Metadata = { title: "Story history" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const PROBLEMS: Record<string, string> = {
  changed: "The story changed since you opened its history. Look again, then restore.",
  forbidden: "You cannot edit this story now, so you cannot restore a version of it.",
  missing: "That version no longer exists.",
  failed: "That version could not be restored: its slug may now belong to another story.",
};
const REASONS: Record<string, string> = {
  autosave: "Autosave",
  save: "Saved",
  restore: "Restored an earlier version",
  submit: "Submitted for review",
  withdraw: "Withdrawn",
  requestChanges: "Changes requested",
  approve: "Approved",
  schedule: "Scheduled",
  unschedule: "Unscheduled",
  publishNow: "Published",
  scheduledPublish: "Published on schedule",
  publishUpdate: "Update published",
  unpublish: "Unpublished",
  republish: "Republished",
  seed: "Imported",
};

export default async function RevisionsPage({ params, searchParams }: PageProps<"/desk/stories/[id]/revisions">) {
  const { user, story, scope } = await openDeskStory((await params).id);
  const id = story.id;

  const revisions = await listRevisions(id);
  const query = await searchParams;
  const pick = (value: unknown) => (isUuid(value) ? value : undefined);
  const toId = pick(query.to) ?? revisions[0]?.id;
  const fromId = pick(query.from) ?? revisions[1]?.id ?? toId;
  const [from, to] = await Promise.all([fromId && getRevision(id, fromId), toId && getRevision(id, toId)]);
  const mayRestore = can(user, "story.edit", scope);

  const problem = typeof query.problem === "string" ? PROBLEMS[query.problem] : undefined;
  return (
    <section className="space-y-6">
      {problem && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-bold">History: {story.headline || "Untitled story"}</h1>
        <Link href={`/desk/stories/${id}/edit`} className="underline">
          Back to the story
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <ol aria-label="Revisions" className="space-y-1 text-sm">
          {revisions.map((revision, index) => {
            const older = revisions[index + 1];
            const selected = revision.id === toId;
            return (
              <li key={revision.id}>
                <Link
                  href={`/desk/stories/${id}/revisions?to=${revision.id}${older ? `&from=${older.id}` : `&from=${revision.id}`}`}
                  aria-current={selected ? "true" : undefined}
                  className={`block rounded px-2 py-1 ${selected ? "bg-stone-900 text-white" : "hover:bg-stone-100"}`}
                >
                  <span className="font-medium">{REASONS[revision.reason] ?? revision.reason}</span> ·{" "}
                  {revision.authorName ?? "Someone"}
                  <br />
                  <time dateTime={revision.createdAt.toISOString()}>{timeFormat.format(revision.createdAt)} UTC</time>
                </Link>
              </li>
            );
          })}
        </ol>
        {from && to ? (
          <article aria-label="Changes" className="space-y-4 rounded border border-stone-300 bg-white p-4">
            <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
              <RevisionSelect name="from" label="Compare" revisions={revisions} selected={from.id} />
              <RevisionSelect name="to" label="with" revisions={revisions} selected={to.id} />
              <button type="submit" className="rounded border border-stone-300 px-3 py-1">
                Show changes
              </button>
            </form>
            <p className="text-sm text-stone-600">
              Changes from {timeFormat.format(from.createdAt)} to {timeFormat.format(to.createdAt)} (UTC).
            </p>
            <WordDiff label="Headline" segments={diffText(from.headline, to.headline)} />
            <WordDiff label="Dek" segments={diffText(from.dek, to.dek)} />
            <BodyDiff blocks={diffStoryBodies(from.body as JSONContent, to.body as JSONContent)} />
            {mayRestore && to.id !== revisions[0]?.id && (
              <form action={restoreRevisionAction}>
                <input type="hidden" name="storyId" value={id} />
                <input type="hidden" name="revisionId" value={to.id} />
                <input type="hidden" name="baseRevision" value={story.revision} />
                <button type="submit" className="rounded bg-stone-900 px-4 py-2 text-sm font-semibold text-white">
                  Restore this version
                </button>
              </form>
            )}
          </article>
        ) : (
          <p className="text-stone-600">No revisions yet.</p>
        )}
      </div>
    </section>
  );
}

type RevisionOption = { id: string; reason: string; createdAt: Date; authorName: string | null };

function RevisionSelect({ name, label, revisions, selected }: { name: string; label: string; revisions: RevisionOption[]; selected: string }) {
  return (
    <label className="flex flex-col font-medium">
      {label}
      <select name={name} defaultValue={selected} className="mt-1 rounded border border-stone-300 bg-white px-2 py-1 font-normal">
        {revisions.map((revision) => (
          <option key={revision.id} value={revision.id}>
            {timeFormat.format(revision.createdAt)} · {REASONS[revision.reason] ?? revision.reason} · {revision.authorName ?? "Someone"}
          </option>
        ))}
      </select>
    </label>
  );
}
