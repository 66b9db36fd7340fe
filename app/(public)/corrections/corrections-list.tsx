import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageHref, Pagination } from "@/components/public/pagination";
import { PublicTime } from "@/components/public/public-time";
import { pageOrigin } from "@/lib/public/page-origin";
import { listMetadata } from "@/lib/public/page-metadata";
import { pageFromSegment, paging } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { cacheTags, tagPage } from "@/lib/public/cache-tags";
import { publicState } from "@/lib/public/state";
import { storyPath } from "@/lib/public/urls";

const PER_PAGE = 30;
const KIND_LABELS = { correction: "Correction", update: "Update" } as const;

async function load(number: string | undefined) {
  const publication = await publicState();
  const page = pageFromSegment(number);
  if (page === null) notFound();
  await tagPage(cacheTags.corrections);
  const { corrections, total } = await reads.corrections(publication.version, PER_PAGE, (page - 1) * PER_PAGE);
  const pages = paging(page, PER_PAGE, total);
  if (!pages) notFound();
  return { publication, corrections, pages };
}

export async function correctionsMetadata(number?: string): Promise<Metadata> {
  const [{ publication, pages }, origin] = [await load(number), pageOrigin()];
  return listMetadata({
    title: "Corrections",
    publication,
    description: `Every correction and update to ${publication.name} stories, newest first.`,
    origin,
    path: "/corrections",
    page: pages.page,
  });
}

export async function Corrections({ number }: { number?: string }) {
  const { publication, corrections, pages } = await load(number);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="border-b-2 border-stone-800 pb-2 font-serif text-4xl font-bold dark:border-stone-300">Corrections</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">When we get something wrong or a story changes in a way that matters, we say so here and at the end of the story.</p>
      {corrections.length === 0 ? (
        <p className="mt-6 text-stone-700 dark:text-stone-300">No corrections so far.</p>
      ) : (
        <ol aria-label="Corrections and updates" className="mt-4 divide-y divide-stone-300 dark:divide-stone-700">
          {corrections.map((correction) => (
            <li key={correction.id} className="py-4">
              <h2 className="font-serif text-xl font-bold">
                <a href={storyPath(correction.story)} className="hover:underline">
                  {correction.story.headline}
                </a>
              </h2>
              <p className="mt-1">
                <strong>{KIND_LABELS[correction.kind]}</strong>, <PublicTime date={correction.publishedAt} timeZone={publication.timezone} />:{" "}
                {correction.note}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={pages.page} pageCount={pages.pageCount} href={(page) => pageHref("/corrections", page)} />
    </div>
  );
}
