import type { Metadata } from "next";
import Link from "next/link";
import { FilterLink } from "@/components/desk/filter-link";
import { listReviewQueue } from "@/db/queries/review-queue";
import { listSections } from "@/db/queries/sections";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Review queue" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ReviewQueuePage({ searchParams }: PageProps<"/desk/review">) {
  await requirePermission("desk.overview");
  const { section } = await searchParams;
  const sections = await listSections();
  const current = sections.find((candidate) => candidate.slug === section);
  const queue = await listReviewQueue(current?.slug);
  return (
    <section>
      <h1 className="font-serif text-3xl font-bold">Review queue</h1>
      <nav aria-label="Filter by section" className="mt-4 flex flex-wrap gap-2 text-sm">
        <FilterLink href="/desk/review" label="All sections" current={!current} />
        {sections.map((candidate) => (
          <FilterLink
            key={candidate.id}
            href={`/desk/review?section=${encodeURIComponent(candidate.slug)}`}
            label={candidate.name}
            current={candidate.id === current?.id}
          />
        ))}
      </nav>
      {queue.length === 0 ? (
        <p className="mt-8 text-stone-600">Nothing is waiting for review.</p>
      ) : (
        <table className="mt-6 w-full text-left text-sm">
          <thead className="border-b border-stone-300 text-stone-600">
            <tr>
              <th className="py-2">Headline</th>
              <th>Section</th>
              <th>Bylines</th>
              <th>Submitted (UTC)</th>
              <th className="text-right">Words</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((story) => (
              <tr key={story.id} className="border-b border-stone-200">
                <td className="py-2">
                  <Link href={`/desk/stories/${story.id}/edit`} className="font-medium hover:underline">
                    {story.headline || "Untitled story"}
                  </Link>
                </td>
                <td>{story.sectionName ?? "—"}</td>
                <td>{story.bylines.join(", ")}</td>
                <td>{story.submittedAt ? timeFormat.format(story.submittedAt) : "—"}</td>
                <td className="text-right tabular-nums">{story.wordCount.toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
