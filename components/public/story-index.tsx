import type { PublicStoryCard } from "@/db/queries/public-stories";
import { Pagination } from "./pagination";
import { StoryList } from "./story-list";

type Props = {
  title: string;
  intro?: React.ReactNode;
  stories: PublicStoryCard[];
  timeZone: string;
  page: number;
  pageCount: number;
  href: (page: number) => string;
  showSection?: boolean;
  empty?: string;
};

/** A titled, paginated list of stories: section fronts, author and tag pages. */
export function StoryIndex({ title, intro, stories, timeZone, page, pageCount, href, showSection = true, empty = "No stories yet." }: Props) {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="border-b-2 border-stone-800 pb-2 font-serif text-4xl font-bold dark:border-stone-300">{title}</h1>
      {intro}
      {stories.length === 0 ? (
        <p className="mt-6 text-stone-700 dark:text-stone-300">{empty}</p>
      ) : (
        <StoryList stories={stories} timeZone={timeZone} label={title} headingLevel={2} showSection={showSection} />
      )}
      <Pagination page={page} pageCount={pageCount} href={href} />
    </div>
  );
}
