import type { Metadata } from "next";
import { StoryCard } from "@/components/public/story-card";
import { StoryList } from "@/components/public/story-list";
import { pageOrigin } from "@/lib/public/page-origin";
import { defaultSharedImage, sharingMetadata } from "@/lib/public/page-metadata";
import { reads } from "@/lib/public/reads";
import { cacheTags, tagPage } from "@/lib/public/cache-tags";
import { publicState } from "@/lib/public/state";
import { sectionPath } from "@/lib/public/urls";

const TOP_STORIES = 7;
const PER_SECTION = 3;

export async function generateMetadata(): Promise<Metadata> {
  const [publication, origin] = [await publicState(), pageOrigin()];
  return {
    title: { absolute: publication.name },
    description: publication.description,
    alternates: { canonical: `${origin}/` },
    ...sharingMetadata({
      url: `${origin}/`,
      siteName: publication.name,
      title: publication.name,
      description: publication.description,
      image: defaultSharedImage(publication, origin),
    }),
  };
}

export default async function HomePage() {
  const publication = await publicState();
  await tagPage(cacheTags.home);
  const { version, timezone } = publication;
  const top = await reads.latestStories(version, TOP_STORIES);
  const onTop = new Set(top.map((story) => story.id));
  const fronts = [];
  for (const section of await reads.sections(version)) {
    if (section.hidden) continue;
    // Enough to fill the section's list after leaving out what is already on top.
    const { stories } = await reads.sectionStories(version, section.id, PER_SECTION + TOP_STORIES, 0);
    fronts.push({ section, stories: stories.filter((story) => !onTop.has(story.id)).slice(0, PER_SECTION) });
  }
  return (
    <>
      <h1 className="sr-only">{publication.name}</h1>
      {top.length === 0 ? (
        <p className="text-center text-stone-700 dark:text-stone-300">Nothing has been published yet.</p>
      ) : (
        <ol aria-label="Latest stories" className="grid gap-x-8 md:grid-cols-3">
          {top.map((story, index) => (
            <li
              key={story.id}
              className={
                index === 0
                  ? "border-b border-stone-300 pb-6 md:col-span-3 dark:border-stone-700"
                  : "border-b border-stone-300 py-5 dark:border-stone-700"
              }
            >
              <StoryCard story={story} timeZone={timezone} headingLevel={2} lead={index === 0} />
            </li>
          ))}
        </ol>
      )}
      <div className="mt-12 grid gap-10 md:grid-cols-2">
        {fronts
          .filter((front) => front.stories.length > 0)
          .map(({ section, stories }) => (
            <section key={section.id} aria-labelledby={`section-${section.slug}`}>
              <h2 id={`section-${section.slug}`} className="border-b-2 border-stone-800 pb-1 font-serif text-2xl font-bold dark:border-stone-300">
                <a href={sectionPath(section.slug)} className="hover:underline">
                  {section.name}
                </a>
              </h2>
              <StoryList stories={stories} timeZone={timezone} label={`Latest in ${section.name}`} headingLevel={3} showSection={false} />
            </section>
          ))}
      </div>
    </>
  );
}
