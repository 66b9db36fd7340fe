import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { StoryArticle } from "@/components/story/story-article";
import { listSections } from "@/db/queries/sections";
import { storyIdForShareToken } from "@/db/queries/share-links";
import { getEditableStory } from "@/db/queries/stories";

// The token is in the address: never index it, never send it on as a referrer.
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** What a share link shows: the story's saved version as readers would see it, and nothing else. */
export default async function SharedPreviewPage({ params }: PageProps<"/preview/[token]">) {
  await connection();
  const storyId = await storyIdForShareToken((await params).token);
  const story = storyId ? await getEditableStory(storyId) : undefined;
  if (!story) notFound();
  const section = (await listSections()).find((candidate) => candidate.id === story.sectionId);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <p className="rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm">
        Preview shared by the newsroom. This story is not published; please don’t pass the link on.
      </p>
      <StoryArticle
        headline={story.headline || "Untitled story"}
        dek={story.dek}
        sectionName={section?.name ?? null}
        bylines={story.kind === "page" ? [] : story.bylines}
        body={story.body}
      />
    </div>
  );
}
