import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { StoryPage } from "@/components/public/story-page";
import { getPublication } from "@/db/queries/publication";
import { storyIdForShareToken } from "@/db/queries/share-links";
import { getEditableStory } from "@/db/queries/stories";
import { pageOrigin } from "@/lib/public/page-origin";
import { storyPath } from "@/lib/public/urls";
import { storyPreview } from "@/lib/story-preview";

// The token is in the address: never index it, never send it on as a referrer.
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** What a share link shows: the story's saved version as readers would see it, and nothing else. */
export default async function SharedPreviewPage({ params }: PageProps<"/preview/[token]">) {
  await connection();
  const storyId = await storyIdForShareToken((await params).token);
  const story = storyId ? await getEditableStory(storyId) : undefined;
  if (!story) notFound();
  const [preview, { timezone }, origin] = await Promise.all([storyPreview(story), getPublication(), pageOrigin()]);
  return (
    <div className="space-y-6">
      <p className="mx-auto max-w-2xl rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-stone-900">
        Preview shared by the newsroom: readers cannot see this version yet. Please don’t pass the link on.
      </p>
      <StoryPage story={preview} related={[]} url={`${origin}${storyPath(preview)}`} timeZone={timezone} />
    </div>
  );
}
