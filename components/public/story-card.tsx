import type { PublicStoryCard } from "@/db/queries/public-stories";
import { storyPath } from "@/lib/public/urls";
import { Bylines } from "./bylines";
import { PublicTime } from "./public-time";
import { ResponsiveImage } from "./responsive-image";

type Props = {
  story: PublicStoryCard;
  timeZone: string;
  headingLevel: 2 | 3;
  /** The lead story: larger, with its image. */
  lead?: boolean;
  showSection?: boolean;
  children?: React.ReactNode;
};

/** A story in a list. Plain links: public pages ship no client code of their own. */
export function StoryCard({ story, timeZone, headingLevel, lead = false, showSection = true, children }: Props) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={lead ? "grid gap-4 md:grid-cols-5" : ""}>
      {lead && story.image && (
        <ResponsiveImage
          image={story.image}
          sizes="(min-width: 768px) 36rem, 100vw"
          className="h-auto w-full md:col-span-3"
          priority
        />
      )}
      <div className={lead && story.image ? "md:col-span-2" : ""}>
        {showSection && (
          <p className="text-xs font-semibold uppercase tracking-wider text-accent dark:text-red-300">{story.sectionName}</p>
        )}
        <Heading className={`mt-1 font-serif font-bold leading-tight ${lead ? "text-3xl md:text-4xl" : "text-xl"}`}>
          <a href={storyPath(story)} className="hover:underline">
            {story.headline}
          </a>
        </Heading>
        {story.dek && <p className={`mt-2 text-stone-700 dark:text-stone-300 ${lead ? "text-lg" : ""}`}>{story.dek}</p>}
        {children}
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          <Bylines bylines={story.bylines} linked={false} />
          {story.bylines.length > 0 && " · "}
          <PublicTime date={story.publishedAt} timeZone={timeZone} withTime={false} />
        </p>
      </div>
    </article>
  );
}
