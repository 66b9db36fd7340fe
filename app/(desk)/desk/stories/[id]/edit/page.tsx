import type { Metadata } from "next";
import { StoryEditor } from "@/components/editor/story-editor";
import { listSections } from "@/db/queries/sections";
import { listBylineCandidates } from "@/db/queries/users";
import { can, canTransition } from "@/lib/policy";
import { openDeskStory } from "@/lib/desk-story";
import { toClientStory } from "@/lib/story-editing";

export const metadata: Metadata = { title: "Edit story" };

export default async function EditStoryPage({ params }: PageProps<"/desk/stories/[id]/edit">) {
  const { user, story, scope } = await openDeskStory((await params).id);

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
