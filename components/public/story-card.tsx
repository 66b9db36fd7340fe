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
  const leadImage = lead ? story.image : null;
  // The lead's headline spans the whole row above its image: beside the image it was squeezed
  // into a narrow column (and into a fifth of the row when the story had no image).
  return (
    <article>
      {showSection && <p className="text-xs font-semibold uppercase tracking-wider text-accent dark:text-red-300">{story.sectionName}</p>}
      <Heading className={`mt-1 font-serif font-bold leading-tight ${lead ? "text-3xl md:text-4xl lg:text-5xl" : "text-xl"}`}>
        <a href={storyPath(story)} className="hover:underline">
          {story.headline}
        </a>
      </Heading>
      <div className={leadImage ? "mt-4 grid gap-6 md:grid-cols-5" : ""}>
        {leadImage && (
          <ResponsiveImage image={leadImage} sizes="(min-width: 768px) 36rem, 100vw" className="h-auto w-full md:col-span-3" priority />
        )}
        <div className={leadImage ? "md:col-span-2" : ""}>
          {story.dek && <p className={`mt-2 text-stone-700 dark:text-stone-300 ${lead ? "text-lg" : ""}`}>{story.dek}</p>}
          {children}
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            <Bylines bylines={story.bylines} linked={false} />
            {story.bylines.length > 0 && " · "}
            <PublicTime date={story.publishedAt} timeZone={timeZone} withTime={false} />
          </p>
        </div>
      </div>
    </article>
  );
}
