import type { Metadata } from "next";
import Link from "next/link";
import { FilterLink } from "@/components/desk/filter-link";
import { listDeskStories } from "@/db/queries/stories";
import { STORY_STATUSES, type StoryStatus } from "@/db/schema";
import { can } from "@/lib/policy";
import { requirePermission } from "@/lib/session";
import { STATUS_LABELS } from "@/lib/workflow/transitions";
import { createStoryAction } from "./actions";

export const metadata: Metadata = { title: "Stories" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function StoriesPage({ searchParams }: PageProps<"/desk/stories">) {
  const user = await requirePermission("desk.enter");
  const { status: rawStatus, notice } = await searchParams;
  const status = STORY_STATUSES.find((candidate) => candidate === rawStatus) as StoryStatus | undefined;
  const everyone = can(user, "desk.overview");
  const stories = await listDeskStories({ userId: user.id, everyone }, { status });

  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">{everyone ? "All stories" : "My stories"}</h1>
        <form action={createStoryAction}>
          <button type="submit" className="rounded bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700">
            New story
          </button>
        </form>
      </div>
      {notice === "deleted" && (
        <p role="status" className="mt-4 rounded border border-stone-300 bg-stone-100 px-3 py-2 text-sm">
          The draft was deleted.
        </p>
      )}
      <nav aria-label="Filter by status" className="mt-4 flex flex-wrap gap-2 text-sm">
        <FilterLink label="All" href="/desk/stories" current={!status} />
        {STORY_STATUSES.map((value) => (
          <FilterLink key={value} label={STATUS_LABELS[value]} href={`/desk/stories?status=${value}`} current={status === value} />
        ))}
      </nav>
      {stories.length === 0 ? (
        <p className="mt-8 text-stone-600">No stories here yet.</p>
      ) : (
        <table className="mt-6 w-full text-left text-sm">
          <thead className="border-b border-stone-300 text-stone-600">
            <tr>
              <th className="py-2">Headline</th>
              <th>Status</th>
              <th>Section</th>
              <th>Bylines</th>
              <th>Last edited (UTC)</th>
              <th className="text-right">Words</th>
            </tr>
          </thead>
          <tbody>
            {stories.map((story) => (
              <tr key={story.id} className="border-b border-stone-200">
                <td className="py-2">
                  <Link href={`/desk/stories/${story.id}/edit`} className="font-medium underline-offset-2 hover:underline">
                    {story.headline || "Untitled story"}
                  </Link>
                </td>
                <td>{STATUS_LABELS[story.status]}</td>
                <td>{story.sectionName ?? "—"}</td>
                <td>{story.bylines.join(", ")}</td>
                <td>{dateFormat.format(story.updatedAt)}</td>
                <td className="text-right tabular-nums">{story.wordCount.toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
