import type { Metadata } from "next";
import Link from "next/link";
import { StoryArticle } from "@/components/story/story-article";
import { ShareLinks } from "@/components/desk/share-links";
import { listSections } from "@/db/queries/sections";
import { listActiveShareLinks } from "@/db/queries/share-links";
import { can } from "@/lib/policy";
import { openDeskStory } from "@/lib/desk-story";
import { STATUS_LABELS } from "@/lib/workflow/transitions";

export const metadata: Metadata = { title: "Preview" };

export default async function PreviewPage({ params }: PageProps<"/desk/stories/[id]/preview">) {
  const { user, story, scope } = await openDeskStory((await params).id);
  const section = (await listSections()).find((candidate) => candidate.id === story.sectionId);
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap justify-between gap-2 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm">
        <span>
          Preview of the saved version ({STATUS_LABELS[story.status]}). Readers cannot see this page.
        </span>
        <Link href={`/desk/stories/${story.id}/edit`} className="underline">
          Back to editing
        </Link>
      </p>
      {can(user, "story.shareLink", scope) && <ShareLinks storyId={story.id} initial={await listActiveShareLinks(story.id)} />}
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
