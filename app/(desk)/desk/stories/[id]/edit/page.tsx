import type { Metadata } from "next";
import { StoryEditor } from "@/components/editor/story-editor";
import { latestTransitionNote } from "@/db/queries/audit";
import { getPublication } from "@/db/queries/publication";
import { listComments } from "@/db/queries/comments";
import { listSections } from "@/db/queries/sections";
import { sinceLastSubmission } from "@/db/queries/story-revisions";
import { listBylineCandidates } from "@/db/queries/users";
import { can, canTransition, publishingSteps } from "@/lib/policy";
import { openDeskStory } from "@/lib/desk-story";
import { toClientStory } from "@/lib/story-editing";

export const metadata: Metadata = { title: "Edit story" };

export default async function EditStoryPage({ params }: PageProps<"/desk/stories/[id]/edit">) {
  const { user, story, scope } = await openDeskStory((await params).id);

  const changesRequested =
    story.status === "changes_requested" ? await latestTransitionNote(story.id, "story.requestChanges") : undefined;
  const editable = can(user, "story.edit", scope);
  const { timezone } = await getPublication();
  const sinceSubmission = can(user, "desk.overview") ? await sinceLastSubmission(story.id) : null;
  return (
    <>
      {changesRequested?.note && (
        <section aria-label="Changes requested" className="mb-6 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm">
          <p className="font-semibold">Changes requested by {changesRequested.by ?? "an editor"}</p>
          <p className="mt-1 whitespace-pre-line">{changesRequested.note}</p>
        </section>
      )}
      <StoryEditor
        key={`${story.id}:${story.status}`}
        initial={toClientStory(story)}
        sections={await listSections()}
        staff={can(user, "story.changeBylines", scope) ? await listBylineCandidates() : []}
        editable={editable}
        mayChangeBylines={can(user, "story.changeBylines", scope)}
        maySubmit={canTransition(user, "submit", scope)}
        mayWithdraw={canTransition(user, "withdraw", scope)}
        mayRequestChanges={canTransition(user, "requestChanges", scope)}
        mayApprove={canTransition(user, "approve", scope)}
        publishing={publishingSteps(user, scope)}
        timezone={timezone}
        userId={user.id}
        mayDelete={can(user, "story.delete", scope)}
        comments={can(user, "story.comment", scope) ? await listComments(story.id) : []}
        changesSinceSubmissionHref={
          sinceSubmission && `/desk/stories/${story.id}/revisions?from=${sinceSubmission.from}&to=${sinceSubmission.to}`
        }
      />
    </>
  );
}
