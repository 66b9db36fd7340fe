import type { Metadata } from "next";
import Link from "next/link";
import { ShareLinks } from "@/components/desk/share-links";
import { StoryPage } from "@/components/public/story-page";
import { getPublication } from "@/db/queries/publication";
import { listActiveShareLinks } from "@/db/queries/share-links";
import { can } from "@/lib/policy";
import { openDeskStory } from "@/lib/desk-story";
import { pageOrigin } from "@/lib/public/page-origin";
import { storyPath } from "@/lib/public/urls";
import { storyPreview } from "@/lib/story-preview";
import { STATUS_LABELS } from "@/lib/workflow/transitions";

export const metadata: Metadata = { title: "Preview" };

export default async function PreviewPage({ params }: PageProps<"/desk/stories/[id]/preview">) {
  const { user, story, scope } = await openDeskStory((await params).id);
  const [preview, { timezone }, origin] = await Promise.all([storyPreview(story), getPublication(), pageOrigin()]);
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap justify-between gap-2 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm">
        <span>
          Preview of the saved version ({STATUS_LABELS[story.status]}), as readers would see it. Readers cannot see this page.
        </span>
        <Link href={`/desk/stories/${story.id}/edit`} className="underline">
          Back to editing
        </Link>
      </p>
      {can(user, "story.shareLink", scope) && <ShareLinks storyId={story.id} initial={await listActiveShareLinks(story.id)} />}
      <StoryPage story={preview} related={[]} url={`${origin}${storyPath(preview)}`} timeZone={timezone} />
    </div>
  );
}
