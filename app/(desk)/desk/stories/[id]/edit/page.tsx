import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryEditor } from "@/components/editor/story-editor";
import { listSections } from "@/db/queries/sections";
import { getEditableStory } from "@/db/queries/stories";
import { listBylineCandidates } from "@/db/queries/users";
import { can, canTransition } from "@/lib/policy";
import { requireUser } from "@/lib/session";
import { toClientStory } from "@/lib/story-editing";

export const metadata: Metadata = { title: "Edit story" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditStoryPage({ params }: PageProps<"/desk/stories/[id]/edit">) {
  const user = await requireUser();
  const { id } = await params;
  const story = UUID.test(id) ? await getEditableStory(id) : undefined;
  const scope = story && { status: story.status, bylineIds: story.bylines.map((byline) => byline.id) };
  // Someone who may not open a story learns nothing about it, not even that it exists.
  if (!story || !scope || !can(user, "story.open", scope)) notFound();

  const editable = can(user, "story.edit", scope) && story.status !== "published" && story.status !== "scheduled";
  return (
    <StoryEditor
      key={`${story.id}:${story.status}`}
      initial={toClientStory(story)}
      sections={await listSections()}
      staff={can(user, "story.changeBylines", scope) ? await listBylineCandidates() : []}
      editable={editable}
      mayChangeBylines={can(user, "story.changeBylines", scope)}
      maySubmit={canTransition(user, "submit", scope)}
      mayWithdraw={canTransition(user, "withdraw", scope)}
    />
  );
}
