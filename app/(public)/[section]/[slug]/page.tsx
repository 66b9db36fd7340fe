import type { Metadata } from "next";
import { cache } from "react";
import { notFound, permanentRedirect } from "next/navigation";
import { JsonLd } from "@/components/public/json-ld";
import { StoryPage } from "@/components/public/story-page";
import type { PublicState } from "@/db/queries/public-publication";
import { publicStoryAtAddress, resolveStoryAddress, type StoryAddress } from "@/db/queries/public-stories";
import { cacheTags, tagPage } from "@/lib/public/cache-tags";
import { pageOrigin } from "@/lib/public/page-origin";
import { defaultSharedImage, sharedImage } from "@/lib/public/page-metadata";
import { slugParam } from "@/lib/public/params";
import { publicState } from "@/lib/public/state";
import { storyStructuredData } from "@/lib/public/structured-data";
import { authorPath, storyPath } from "@/lib/public/urls";
import { isReservedSectionSlug } from "@/lib/reserved-paths";

/** None at build: each story is rendered when first read, then kept (lib/page-cache/handler.ts). */
export const generateStaticParams = async () => [];

/**
 * A story address: the live story, or (answered 410 by proxy.ts) the page saying it was taken
 * down. An old address never gets here: proxy.ts answers it with a 301. Once per render: the
 * metadata and the page share it. The story, with its related stories in the same query, is read
 * afresh, not through `reads`: the page cache keeps the page it makes, so another copy of it
 * would only take memory. It is read after the public state, never beside it, so the page holds
 * nothing older than the version it is kept under.
 */
const load = cache(async (sectionSegment: string, slugSegment: string) => {
  const [section, slug] = [slugParam(sectionSegment), slugParam(slugSegment)];
  if (section === null || slug === null || isReservedSectionSlug(section)) notFound();
  const publication = await publicState();
  const story = await publicStoryAtAddress(section, slug);
  if (!story) return notLive(publication, await resolveStoryAddress(section, slug));
  const { related } = story;
  await tagPage(
    cacheTags.story(story.id),
    cacheTags.section(story.sectionId),
    ...story.bylines.map((byline) => cacheTags.author(byline.id)),
    ...story.tags.map((tag) => cacheTags.tag(tag.id)),
    // Related headlines show on the page too: a change to one of them purges it.
    ...related.map((other) => cacheTags.story(other.id)),
  );
  const origin = pageOrigin();
  return { kind: "story" as const, story, related, publication, origin, url: `${origin}${storyPath(story)}` };
});

/** An address with no live story: a 404, an old address (answered 301 by proxy.ts), or a removed story. */
async function notLive(publication: PublicState, address: StoryAddress) {
  if (address.kind === "missing" || address.kind === "live") {
    // A story published at this address later must purge this 404 from shared caches.
    await tagPage(cacheTags.unknownAddresses);
    notFound();
  }
  if (address.kind === "moved") {
    await tagPage(cacheTags.story(address.storyId));
    permanentRedirect(storyPath(address));
  }
  await tagPage(cacheTags.story(address.storyId), cacheTags.removedStory);
  return { kind: "gone" as const, publication };
}

export async function generateMetadata({ params }: PageProps<"/[section]/[slug]">): Promise<Metadata> {
  const { section, slug } = await params;
  const loaded = await load(section, slug);
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
  const { section, slug } = await params;
  const loaded = await load(section, slug);
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
  const { story, related, publication, origin, url } = loaded;
  return (
    <>
      <JsonLd data={storyStructuredData(story, publication, origin)} />
      <StoryPage story={story} related={related} url={url} timeZone={publication.timezone} />
    </>
  );
}
