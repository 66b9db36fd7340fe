import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StoryArticle } from "@/components/story/story-article";
import { listSections } from "@/db/queries/sections";
import { getEditableStory } from "@/db/queries/stories";
import { can } from "@/lib/policy";
import { requireUser } from "@/lib/session";
import { STATUS_LABELS } from "@/lib/workflow/transitions";

export const metadata: Metadata = { title: "Preview" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PreviewPage({ params }: PageProps<"/desk/stories/[id]/preview">) {
  const user = await requireUser();
  const { id } = await params;
  const story = UUID.test(id) ? await getEditableStory(id) : undefined;
  const scope = story && { status: story.status, bylineIds: story.bylines.map((byline) => byline.id) };
  if (!story || !scope || !can(user, "story.open", scope)) notFound();
  const section = (await listSections()).find((candidate) => candidate.id === story.sectionId);
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap justify-between gap-2 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm">
        <span>
          Preview of the saved version ({STATUS_LABELS[story.status]}). Readers cannot see this page.
        </span>
        <Link href={`/desk/stories/${id}/edit`} className="underline">
          Back to editing
        </Link>
      </p>
      <StoryArticle
        headline={story.headline || "Untitled story"}
        dek={story.dek}
        sectionName={section?.name ?? null}
        bylines={story.bylines}
        body={story.body}
      />
    </div>
  );
}
