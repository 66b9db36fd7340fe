import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { JsonLd } from "@/components/public/json-ld";
import { StoryPage } from "@/components/public/story-page";
import { cacheTags, tagPage } from "@/lib/public/cache-tags";
import { pageOrigin } from "@/lib/public/page-origin";
import { defaultSharedImage, sharedImage } from "@/lib/public/page-metadata";
import { slugParam } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { publicState } from "@/lib/public/state";
import { storyStructuredData } from "@/lib/public/structured-data";
import { authorPath, storyPath } from "@/lib/public/urls";
import { isReservedSectionSlug } from "@/lib/reserved-paths";

/** None at build: each story is rendered when first read, then kept (lib/page-cache/handler.ts). */
export const generateStaticParams = async () => [];

/**
 * A story address: the live story, or (answered 410 by proxy.ts) the page saying it was taken
 * down. An old address never gets here: proxy.ts answers it with a 301.
 */
async function load(segments: { section: string; slug: string }) {
  const [section, slug] = [slugParam(segments.section), slugParam(segments.slug)];
  if (section === null || slug === null || isReservedSectionSlug(section)) notFound();
  const publication = await publicState();
  const address = await reads.storyAddress(publication.version, section, slug);
  if (address.kind === "missing") {
    // A story published at this address later must purge this 404 from shared caches.
    await tagPage(cacheTags.unknownAddresses);
    notFound();
  }
  if (address.kind === "moved") {
    await tagPage(cacheTags.story(address.storyId));
    permanentRedirect(storyPath(address));
  }
  if (address.kind === "gone") {
    await tagPage(cacheTags.story(address.storyId), cacheTags.removedStory);
    return { kind: "gone" as const, publication };
  }
  await tagPage(cacheTags.story(address.storyId));
  const story = await reads.story(publication.version, address.storyId);
  if (!story) notFound();
  await tagPage(cacheTags.section(story.sectionId), ...story.bylines.map((byline) => cacheTags.author(byline.id)), ...story.tags.map((tag) => cacheTags.tag(tag.id)));
  const origin = pageOrigin();
  return { kind: "story" as const, story, publication, origin, url: `${origin}${storyPath(story)}` };
}

export async function generateMetadata({ params }: PageProps<"/[section]/[slug]">): Promise<Metadata> {
  const loaded = await load(await params);
  if (loaded.kind === "gone") return { title: { absolute: `Story removed | ${loaded.publication.name}` }, robots: { index: false } };
  const { story, publication, origin, url } = loaded;
  const description = story.seoDescription || story.dek;
  const image = story.image ? sharedImage(story.image, origin, story.image.alt) : defaultSharedImage(publication, origin);
  return {
    title: { absolute: `${story.seoTitle || story.headline} | ${publication.name}` },
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      siteName: publication.name,
      title: story.seoTitle || story.headline,
      description,
      publishedTime: story.publishedAt.toISOString(),
      modifiedTime: (story.updatedAt ?? story.publishedAt).toISOString(),
      section: story.sectionName,
      tags: story.tags.map((tag) => tag.name),
      authors: story.bylines.map((byline) => `${origin}${authorPath(byline.slug)}`),
      ...(image ? { images: [image] } : {}),
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: story.seoTitle || story.headline,
      description,
      ...(image ? { images: [image] } : {}),
    },
  };
}

export default async function StoryAddressPage({ params }: PageProps<"/[section]/[slug]">) {
  const loaded = await load(await params);
  if (loaded.kind === "gone") {
    return (
      <div className="mx-auto max-w-xl py-16 text-center">
        <h1 className="font-serif text-3xl font-bold">This story has been removed</h1>
        <p className="mt-3 text-stone-700 dark:text-stone-300">It is no longer published. Our corrections page lists changes to our stories.</p>
        <p className="mt-6">
          <a href="/" className="underline">
            Go to the front page
          </a>
        </p>
      </div>
    );
  }
  const { story, publication, origin, url } = loaded;
  const related = await reads.relatedStories(publication.version, story.id, story.sectionId, story.tags.map((tag) => tag.id));
  // Related headlines show here too: a change to one of them purges this page.
  await tagPage(...related.map((other) => cacheTags.story(other.id)));
  return (
    <>
      <JsonLd data={storyStructuredData(story, publication, origin)} />
      <StoryPage story={story} related={related} url={url} timeZone={publication.timezone} />
    </>
  );
}
