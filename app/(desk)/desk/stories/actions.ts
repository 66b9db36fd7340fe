"use server";

import type { JSONContent } from "@tiptap/core";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { createDraft, deleteUnsubmittedDraft, findStoryScope } from "@/db/queries/stories";
import { allActiveStaff } from "@/db/queries/users";
import { saveStoryDraft } from "@/db/queries/story-drafts";
import { findMedia } from "@/db/queries/media";
import { getRevision } from "@/db/queries/story-revisions";
import { getPublication } from "@/db/queries/publication";
import { liveStoryFootprint } from "@/db/queries/public-footprint";
import { applyTransition } from "@/db/queries/story-transitions";
import { can, canTransition } from "@/lib/policy";
import { purgeStoryChange } from "@/lib/public/purge";
import { STORY_CHANGED, canStartFrom } from "@/lib/workflow/transitions";
import { FORBIDDEN, SESSION_ENDED, firstIssue, formFields } from "@/lib/server-action";
import { currentUser } from "@/lib/session";
import { storyWordCount } from "@/lib/story-body/text";
import { parseStoryBody } from "@/lib/story-body/validate";
import { zonedLocalToUtc } from "@/lib/time-zone";
import {
  type SaveResponse,
  revisionFields,
  saveStoryInput,
  storyDraftInput,
  toClientStory,
  transitionInput,
} from "@/lib/story-editing";

export async function createStoryAction(): Promise<void> {
  const user = await currentUser();
  if (!user) redirect("/login?notice=session-ended");
  if (!can(user, "story.create")) throw new Error(FORBIDDEN);
  const id = await createDraft(user.id);
  await recordAudit({ actorId: user.id, action: "story.create", targetType: "story", targetId: id, toStatus: "draft" });
  redirect(`/desk/stories/${id}/edit`);
}

const NOT_FOUND = { kind: "error", error: "This story does not exist, or you cannot open it." } as const;

/** Autosave and explicit save. A stale base revision changes nothing and returns the saved version. */
export async function saveStoryAction(input: unknown): Promise<SaveResponse> {
  const user = await currentUser();
  if (!user) return { kind: "error", error: SESSION_ENDED };
  const parsed = saveStoryInput.safeParse(input);
  if (!parsed.success) return { kind: "error", error: firstIssue(parsed.error) };
  const { storyId, baseRevision, explicit, draft } = parsed.data;

  const scope = await findStoryScope(storyId);
  if (!scope || !can(user, "story.open", scope)) return NOT_FOUND;
  if (!can(user, "story.edit", scope)) {
    return { kind: "error", error: "You can no longer edit this story: it is with the editors." };
  }
  const body = parseStoryBody(draft.body);
  if (!body.ok) return { kind: "error", error: body.error };
  const changesBylines = can(user, "story.changeBylines", scope) && draft.bylineIds !== undefined;
  if (changesBylines && new Set(draft.bylineIds).size !== draft.bylineIds!.length) {
    return { kind: "error", error: "Each person can appear in the bylines only once." };
  }
  if (changesBylines && !(await allActiveStaff(draft.bylineIds!))) {
    return { kind: "error", error: "Bylines must be active staff members." };
  }
  if (draft.featuredImageId && !(await findMedia(draft.featuredImageId))) {
    return { kind: "error", error: "The featured image is no longer available: upload it again." };
  }

  const result = await saveStoryDraft(
    storyId,
    baseRevision,
    {
      ...draft,
      body: body.doc,
      wordCount: storyWordCount(body.doc),
      bylineIds: changesBylines ? draft.bylineIds : undefined,
    },
    user.id,
    explicit ? "save" : "autosave",
  );
  switch (result.kind) {
    case "saved":
      return { kind: "saved", revision: result.revision, savedAt: result.updatedAt.toISOString(), slug: result.slug };
    case "conflict":
      return { kind: "conflict", current: toClientStory(result.current) };
    case "invalid":
      return { kind: "error", error: result.error };
    case "missing":
      return NOT_FOUND;
  }
}

/** From the conflict dialog: the writer's version becomes a story of its own, so nothing is lost. */
export async function saveAsNewStoryAction(input: unknown): Promise<{ id?: string; error?: string }> {
  const user = await currentUser();
  if (!user) return { error: SESSION_ENDED };
  if (!can(user, "story.create")) return { error: FORBIDDEN };
  const parsed = storyDraftInput.safeParse(input);
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const body = parseStoryBody(parsed.data.body);
  if (!body.ok) return { error: body.error };
  const id = await createDraft(user.id);
  const result = await saveStoryDraft(
    id,
    1,
    {
      ...parsed.data,
      slugLocked: false,
      bylineIds: undefined,
      featuredImageId: parsed.data.featuredImageId && (await findMedia(parsed.data.featuredImageId)) ? parsed.data.featuredImageId : null,
      body: body.doc,
      wordCount: storyWordCount(body.doc),
    },
    user.id,
    "save",
  );
  if (result.kind !== "saved") return { error: "The copy could not be saved. Your text is still kept on this device." };
  await recordAudit({ actorId: user.id, action: "story.create", targetType: "story", targetId: id, toStatus: "draft" });
  return { id };
}

const restoreInput = z.strictObject({
  storyId: z.uuid(),
  revisionId: z.uuid(),
  baseRevision: z.coerce.number().int().positive(),
});

/** Restoring never rewrites history: the old version comes back as a new revision. */
export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) redirect("/login?notice=session-ended");
  const parsed = restoreInput.safeParse(formFields(formData));
  if (!parsed.success) redirect("/desk/stories");
  const { storyId, revisionId, baseRevision } = parsed.data;
  const back = (problem: string) => redirect(`/desk/stories/${storyId}/revisions?to=${revisionId}&problem=${problem}`);

  const scope = await findStoryScope(storyId);
  if (!scope || !can(user, "story.open", scope)) redirect("/desk/stories");
  if (!can(user, "story.edit", scope)) back("forbidden");
  const revision = await getRevision(storyId, revisionId);
  if (!revision) back("missing");
  const fields = revisionFields.parse(revision!.fields);
  const result = await saveStoryDraft(
    storyId,
    baseRevision,
    {
      headline: revision!.headline,
      dek: revision!.dek,
      slug: fields.slug,
      slugLocked: fields.slug !== "",
      sectionId: fields.sectionId,
      seoTitle: fields.seoTitle,
      seoDescription: fields.seoDescription,
      featuredImageId: fields.featuredImageId && (await findMedia(fields.featuredImageId)) ? fields.featuredImageId : null,
      featuredImageAlt: fields.featuredImageAlt,
      featuredImageCaption: fields.featuredImageCaption,
      featuredImageCredit: fields.featuredImageCredit,
      tags: fields.tags,
      body: revision!.body,
      wordCount: storyWordCount(revision!.body as JSONContent),
      bylineIds:
        can(user, "story.changeBylines", scope) && fields.bylineIds.length > 0 && (await allActiveStaff(fields.bylineIds))
          ? fields.bylineIds
          : undefined,
    },
    user.id,
    "restore",
  );
  if (result.kind === "conflict") back("changed");
  if (result.kind !== "saved") back("failed");
  redirect(`/desk/stories/${storyId}/edit`);
}

/** Every workflow step a person takes from the desk: checked here, carried out in one transaction. */
export async function transitionStoryAction(input: unknown): Promise<{ error?: string; missing?: string[]; revision?: number }> {
  const user = await currentUser();
  if (!user) return { error: SESSION_ENDED };
  const parsed = transitionInput.safeParse(input);
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const { storyId, name, baseRevision, note, publicNote } = parsed.data;

  const scope = await findStoryScope(storyId);
  if (!scope || !can(user, "story.open", scope)) return { error: NOT_FOUND.error };
  if (!canStartFrom(name, scope.status)) return { error: STORY_CHANGED };
  if (!canTransition(user, name, scope)) return { error: FORBIDDEN };
  if (name === "requestChanges" && !note?.trim()) return { error: "Write a note telling the writers what to change." };
  if (name === "unpublish" && !note?.trim()) return { error: "Give the reason for unpublishing." };

  let publishAt: Date | undefined;
  if (name === "schedule") {
    const { timezone } = await getPublication();
    const when = parsed.data.publishAt ? zonedLocalToUtc(parsed.data.publishAt, timezone) : null;
    if (!when) return { error: `Enter a date and time to publish (${timezone}).` };
    if (when.getTime() <= Date.now()) return { error: "Choose a time in the future." };
    publishAt = when;
  }
  const before = await liveStoryFootprint(storyId);
  const result = await applyTransition(storyId, name, baseRevision, user.id, {
    note: note?.trim() || null,
    publishAt,
    publicNote: name === "publishUpdate" ? publicNote : null,
  });
  switch (result.kind) {
    case "done":
      await purgeStoryChange(storyId, before);
      // The page carries on from the revision its own step produced.
      return { revision: result.revision };
    case "checklist":
      return { error: "The story is not ready yet.", missing: result.missing };
    case "changed":
      return { error: STORY_CHANGED };
    case "missing":
      return { error: NOT_FOUND.error };
    case "nothing-pending":
      return { error: "There are no unpublished edits to publish." };
  }
}

const deleteInput = z.strictObject({ storyId: z.uuid("Unknown story.") });

/** Only a draft never handed in; the policy decides and the delete re-checks under its own WHERE. */
export async function deleteStoryAction(input: unknown): Promise<{ error?: string }> {
  const user = await currentUser();
  if (!user) return { error: SESSION_ENDED };
  const parsed = deleteInput.safeParse(input);
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const { storyId } = parsed.data;
  const scope = await findStoryScope(storyId);
  if (!scope || !can(user, "story.open", scope)) return { error: NOT_FOUND.error };
  if (!can(user, "story.delete", scope)) return { error: "Only a draft that was never submitted can be deleted." };
  if (!(await deleteUnsubmittedDraft(storyId))) return { error: STORY_CHANGED };
  await recordAudit({ actorId: user.id, action: "story.delete", targetType: "story", targetId: storyId, fromStatus: "draft" });
  redirect("/desk/stories?notice=deleted");
}
