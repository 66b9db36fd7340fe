import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination, queryPageHref } from "@/components/public/pagination";
import { SearchSnippet } from "@/components/public/search-snippet";
import { StoryCard } from "@/components/public/story-card";
import { formatNumber } from "@/lib/public/format";
import { pageNumber, paging } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { MAX_QUERY_LENGTH, normalizeSearchQuery } from "@/lib/public/search-query";
import { publicState } from "@/lib/public/state";

const PER_PAGE = 10;

async function load({ searchParams }: PageProps<"/search">) {
  const [query, publication] = await Promise.all([searchParams, publicState()]);
  const page = pageNumber(query.page);
  if (page === null) notFound();
  const q = normalizeSearchQuery(query.q);
  if (!q) return { publication, q, results: [], total: 0, moreThanRanked: false, pages: { page: 1, pageCount: 1, offset: 0 } };
  const { results, total, moreThanRanked } = await reads.search(publication.version, q, PER_PAGE, (page - 1) * PER_PAGE);
  const pages = paging(page, PER_PAGE, total);
  if (!pages) notFound();
  return { publication, q, results, total, moreThanRanked, pages };
}

export async function generateMetadata(props: PageProps<"/search">): Promise<Metadata> {
  const { publication, q } = await load(props);
  // Result pages are for people; search engines get the sitemaps.
  return { title: { absolute: `${q ? `Search: ${q}` : "Search"} | ${publication.name}` }, robots: { index: false, follow: true } };
}

export default async function SearchPage(props: PageProps<"/search">) {
  const { publication, q, results, total, moreThanRanked, pages } = await load(props);
  const matches = formatNumber(total, publication.language);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="border-b-2 border-stone-800 pb-2 font-serif text-4xl font-bold dark:border-stone-300">Search</h1>
      <form action="/search" method="get" role="search" aria-label="Search stories" className="mt-6 flex gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search stories
        </label>
        <input
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={MAX_QUERY_LENGTH}
          className="min-w-0 flex-1 rounded border border-stone-500 bg-white px-3 py-2 text-stone-900 dark:border-stone-400 dark:bg-stone-900 dark:text-stone-100"
        />
        <button type="submit" className="rounded bg-stone-800 px-4 py-2 font-semibold text-white dark:bg-stone-200 dark:text-stone-900">
          Search
        </button>
      </form>
      {q && (
        <p className="mt-6 text-stone-700 dark:text-stone-300" role="status">
          {total === 0
            ? `No stories match “${q}”.`
            : moreThanRanked
              ? `More than ${matches} stories match “${q}”; these are the best of the newest ${matches}.`
              : `${matches} ${total === 1 ? "story matches" : "stories match"} “${q}”.`}
        </p>
      )}
      {results.length > 0 && (
        <ol aria-label="Search results" className="divide-y divide-stone-300 dark:divide-stone-700">
          {results.map((result) => (
            <li key={result.id} className="py-5">
              <StoryCard story={{ ...result, dek: "" }} timeZone={publication.timezone} headingLevel={2}>
                <SearchSnippet snippet={result.snippet} />
              </StoryCard>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={pages.page} pageCount={pages.pageCount} href={(page) => queryPageHref("/search", page, { q })} />
    </div>
  );
}
