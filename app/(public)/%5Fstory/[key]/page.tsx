import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/public/json-ld";
import { StoryPage } from "@/components/public/story-page";
import { defaultSharedImage, sharedImage } from "@/lib/public/page-metadata";
import { reads } from "@/lib/public/reads";
import { publicState } from "@/lib/public/state";
import { isRoutedStoryRequest } from "@/lib/public/story-routing";
import { storyStructuredData } from "@/lib/public/structured-data";
import { authorPath, requestOrigin, storyPath } from "@/lib/public/urls";

// Rendered only for story addresses, routed here by the server (lib/public/story-routing.ts):
// a story id, "gone" (answered 410) or anything else (404).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function load(key: string) {
  const requestHeaders = await headers();
  if (!isRoutedStoryRequest(requestHeaders)) notFound();
  const origin = requestOrigin(requestHeaders);
  const publication = await publicState();
  if (key === "gone") return { kind: "gone" as const, publication };
  if (!UUID.test(key)) notFound();
  const story = await reads.story(publication.version, key);
  if (!story) notFound();
  return { kind: "story" as const, story, publication, origin, url: `${origin}${storyPath(story)}` };
}

export async function generateMetadata({ params }: PageProps<"/_story/[key]">): Promise<Metadata> {
  const loaded = await load((await params).key);
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

export default async function InternalStoryPage({ params }: PageProps<"/_story/[key]">) {
  const loaded = await load((await params).key);
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
  return (
    <>
      <JsonLd data={storyStructuredData(story, publication, origin)} />
      <StoryPage story={story} related={related} url={url} timeZone={publication.timezone} />
    </>
  );
}
