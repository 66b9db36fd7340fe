import type { PublicStory, PublicStoryCard } from "@/db/queries/public-stories";
import { withPublicMediaUrls } from "@/lib/media/public-url";
import { sectionPath, tagPath } from "@/lib/public/urls";
import { Bylines } from "./bylines";
import { EmbedLoader } from "./embed-loader";
import { PublicTime } from "./public-time";
import { ResponsiveImage } from "./responsive-image";
import { ShareLinks } from "./share-links";
import { StoryList } from "./story-list";

const KIND_LABELS = { correction: "Correction", update: "Update" } as const;

/**
 * A live story, or for previews a saved version that may not be live: without a publication time
 * it shows when it is scheduled (publishAt) or that it is not yet published.
 */
export type StoryPageStory = Omit<PublicStory, "publishedAt" | "related"> & { publishedAt: Date | null; publishAt?: Date | null };

type Props = { story: StoryPageStory; related: PublicStoryCard[]; url: string; timeZone: string };

function Dateline({ story, timeZone }: { story: StoryPageStory; timeZone: string }) {
  if (!story.publishedAt) {
    return <p>{story.publishAt ? <>Scheduled for <PublicTime date={story.publishAt} timeZone={timeZone} /></> : "Not yet published"}</p>;
  }
  return (
    <p>
      Published <PublicTime date={story.publishedAt} timeZone={timeZone} />
      {story.updatedAt && (
        <>
          {" · "}Updated <PublicTime date={story.updatedAt} timeZone={timeZone} />
        </>
      )}
    </p>
  );
}

/**
 * A story as readers see it: the public page, and the desk's and share links' previews. The body
 * HTML comes from the one shared renderer (lib/story-body/render.ts), which escapes text and
 * re-checks every link: at publish time for live stories, on the spot for previews.
 */
export function StoryPage({ story, related, url, timeZone }: Props) {
  return (
    <>
      <article className="mx-auto max-w-2xl">
        <header>
          {story.sectionSlug && (
            <p className="text-xs font-semibold uppercase tracking-wider">
              <a href={sectionPath(story.sectionSlug)} className="text-accent hover:underline dark:text-red-300">
                {story.sectionName}
              </a>
            </p>
          )}
          <h1 className="mt-2 font-serif text-3xl font-bold leading-tight sm:text-4xl md:text-5xl">{story.headline}</h1>
          {story.dek && <p className="mt-4 text-xl leading-snug text-stone-700 dark:text-stone-300">{story.dek}</p>}
          <div className="mt-5 space-y-1 border-t border-stone-300 pt-3 text-sm text-stone-700 dark:border-stone-700 dark:text-stone-300">
            {story.bylines.length > 0 && (
              <p>
                <Bylines bylines={story.bylines} />
              </p>
            )}
            <Dateline story={story} timeZone={timeZone} />
          </div>
        </header>

        {story.image && (
          <figure className="mt-8">
            <ResponsiveImage
              image={story.image}
              sizes="(min-width: 672px) 42rem, 100vw"
              className="h-auto w-full"
              priority
            />
            {(story.image.caption || story.image.credit) && (
              <figcaption className="mt-2 text-sm text-stone-600 dark:text-stone-400">
                {story.image.caption}
                {story.image.credit && <span className="ml-1 text-xs uppercase tracking-wide">{story.image.credit}</span>}
              </figcaption>
            )}
          </figure>
        )}

        <div
          className="prose prose-stone prose-lg mt-8 max-w-none font-serif dark:prose-invert"
          dangerouslySetInnerHTML={{ __html: withPublicMediaUrls(story.bodyHtml) }}
        />
        <EmbedLoader />

        {story.tags.length > 0 && (
          <ul aria-label="Tags" className="mt-8 flex flex-wrap gap-2 text-sm">
            {story.tags.map((tag) => (
              <li key={tag.id}>
                <a href={tagPath(tag.slug)} className="inline-block rounded border border-stone-400 px-2 py-0.5 hover:underline dark:border-stone-500">
                  {tag.name}
                </a>
              </li>
            ))}
          </ul>
        )}

        {story.corrections.length > 0 && (
          <section aria-labelledby="corrections-heading" className="mt-10 border-l-4 border-amber-600 bg-amber-50 p-4 dark:bg-stone-900">
            <h2 id="corrections-heading" className="font-semibold">
              Corrections and updates
            </h2>
            <ol className="mt-2 space-y-2 text-sm">
              {story.corrections.map((correction) => (
                <li key={correction.id}>
                  <strong>{KIND_LABELS[correction.kind]}</strong> (<PublicTime date={correction.publishedAt} timeZone={timeZone} />):{" "}
                  {correction.note}
                </li>
              ))}
            </ol>
          </section>
        )}

        <ShareLinks url={url} title={story.headline} />
      </article>

      {related.length > 0 && (
        <aside aria-labelledby="related-heading" className="mx-auto mt-12 max-w-2xl border-t-2 border-stone-800 pt-4 dark:border-stone-300">
          <h2 id="related-heading" className="font-serif text-2xl font-bold">
            Related stories
          </h2>
          <StoryList stories={related} timeZone={timeZone} label="Related stories" headingLevel={3} />
        </aside>
      )}
    </>
  );
}
