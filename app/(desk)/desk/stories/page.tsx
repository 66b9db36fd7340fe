import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect, filterFieldClass } from "@/components/desk/filter-select";
import { listSections } from "@/db/queries/sections";
import { DESK_SORTS, type DeskSort, listDeskStories } from "@/db/queries/stories";
import { listBylineCandidates } from "@/db/queries/users";
import { STORY_STATUSES } from "@/db/schema";
import { can } from "@/lib/policy";
import { requirePermission } from "@/lib/session";
import { STATUS_LABELS } from "@/lib/workflow/transitions";
import { createStoryAction } from "./actions";

export const metadata: Metadata = { title: "Stories" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function StoriesPage({ searchParams }: PageProps<"/desk/stories">) {
  const user = await requirePermission("desk.enter");
  const query = await searchParams;
  const pick = <T extends string>(value: unknown, allowed: readonly T[]) => allowed.find((candidate) => candidate === value);
  const everyone = can(user, "desk.overview");
  const [sections, staff] = await Promise.all([listSections(), everyone ? listBylineCandidates() : []]);
  const status = pick(query.status, STORY_STATUSES);
  const sectionId = pick(query.section, sections.map((section) => section.id));
  const authorId = pick(query.author, staff.map((person) => person.id));
  const sort = pick(query.sort, Object.keys(DESK_SORTS) as DeskSort[]) ?? "edited";
  const text = typeof query.q === "string" ? query.q.trim().slice(0, 200) : "";
  const stories = await listDeskStories({ userId: user.id, everyone }, { status, sectionId, authorId, text, sort });
  const notice = query.notice;

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
      <form method="get" role="search" aria-label="Filter stories" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="font-medium">
          Search
          <input type="search" name="q" defaultValue={text} maxLength={200} className={filterFieldClass} />
        </label>
        <FilterSelect label="Status" name="status" value={status} anyLabel="Any" options={STORY_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))} />
        <FilterSelect label="Section" name="section" value={sectionId} anyLabel="Any" options={sections.map((section) => ({ value: section.id, label: section.name }))} />
        {everyone && (
          <FilterSelect label="Author" name="author" value={authorId} anyLabel="Anyone" options={staff.map((person) => ({ value: person.id, label: person.displayName }))} />
        )}
        <FilterSelect label="Sort by" name="sort" value={sort} options={Object.entries(DESK_SORTS).map(([value, label]) => ({ value, label }))} />
        <button type="submit" className="rounded border border-stone-400 px-3 py-1">
          Filter
        </button>
      </form>
      {stories.length === 0 ? (
        <p className="mt-8 text-stone-600">No stories match.</p>
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
