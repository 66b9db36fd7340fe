import type { Role, StoryStatus } from "@/db/schema";
import { type TransitionName, canStartFrom } from "./workflow/transitions";

/**
 * Every permission in Masthead is decided here, from the product rules' "who may do what" table.
 * Pages, server actions and route handlers ask; nothing else decides.
 */
export type Actor = { id: string; role: Role } | null;

/** What a rule needs to know about a story: its status, who its bylines are, whether it was ever handed in. */
export type StoryScope = { status: StoryStatus; bylineIds: readonly string[]; everSubmitted: boolean };

export type StoryAction =
  | "story.read"
  | "story.open"
  | "story.edit"
  | "story.changeBylines"
  | "story.comment"
  | "story.shareLink"
  | "story.delete";

export type GeneralAction =
  | "desk.enter"
  | "story.create"
  | "image.upload"
  | "media.browse"
  | "desk.overview"
  | "admin.manage"
  | "profile.edit";

/** What can be done to an upload in the media library. */
export type ImageAction = "image.editDetails" | "image.delete";

export type Action = StoryAction | GeneralAction | ImageAction;

const EDITORIAL: readonly Role[] = ["editor", "admin"];
const WRITER_EDITABLE: readonly StoryStatus[] = ["draft", "changes_requested"];

const isStaff = (actor: Actor): actor is NonNullable<Actor> => actor !== null;
const isEditorial = (actor: Actor) => isStaff(actor) && EDITORIAL.includes(actor.role);
const isAdmin = (actor: Actor) => isStaff(actor) && actor.role === "admin";
const owns = (actor: Actor, story: StoryScope) => isStaff(actor) && story.bylineIds.includes(actor.id);
const uploaded = (actor: Actor, image: ImageScope) => isStaff(actor) && image.uploadedBy === actor.id;

export function can(actor: Actor, action: GeneralAction): boolean;
export function can(actor: Actor, action: StoryAction, story: StoryScope): boolean;
export function can(actor: Actor, action: ImageAction, image: ImageScope): boolean;
export function can(actor: Actor, action: Action, scope?: StoryScope | ImageScope): boolean {
  const story = scope as StoryScope | undefined;
  switch (action) {
    case "image.editDetails":
      // The desk's editors keep the library's wording right, as they do the stories'.
      return isEditorial(actor) || uploaded(actor, scope as ImageScope);
    case "image.delete":
      return isAdmin(actor) || uploaded(actor, scope as ImageScope);
    case "desk.enter":
    case "story.create":
    case "image.upload":
    case "media.browse":
    case "profile.edit":
      return isStaff(actor);
    case "desk.overview":
      return isEditorial(actor);
    case "admin.manage":
      return isAdmin(actor);
    case "story.read":
      return story!.status === "published" || can(actor, "story.open", story!);
    case "story.open":
    case "story.comment":
      return isEditorial(actor) || owns(actor, story!);
    case "story.edit":
      return isEditorial(actor) || (owns(actor, story!) && WRITER_EDITABLE.includes(story!.status));
    case "story.changeBylines":
    case "story.shareLink":
      return isEditorial(actor);
    case "story.delete":
      // Only a draft nobody has seen yet: anything submitted has a history the desk keeps.
      return story!.status === "draft" && !story!.everSubmitted && (isEditorial(actor) || owns(actor, story!));
  }
}

/** Who uploaded an image: the one thing the rule for putting it on a page needs. */
export type ImageScope = { uploadedBy: string | null };

/**
 * Whether someone may make an uploaded image their avatar or the publication's logo or social
 * image: their own uploads, and for admins, who run the publication, any upload.
 */
export function canUseImage(actor: Actor, image: ImageScope): boolean {
  return isAdmin(actor) || uploaded(actor, image);
}

/** Writers may only hand their own stories in and take them back; everything else is the desk's. */
const WRITER_TRANSITIONS: readonly TransitionName[] = ["submit", "withdraw"];

export function canTransition(actor: Actor, name: TransitionName, story: StoryScope): boolean {
  if (!canStartFrom(name, story.status) || name === "scheduledPublish") return false;
  if (isEditorial(actor)) return true;
  return owns(actor, story) && WRITER_TRANSITIONS.includes(name);
}

export const PUBLISHING_STEPS = ["schedule", "unschedule", "publishNow", "publishUpdate", "unpublish", "republish"] as const;
export type PublishingStep = (typeof PUBLISHING_STEPS)[number];

/** The publishing steps this person may take on this story now, for the desk to offer. */
export function publishingSteps(actor: Actor, story: StoryScope): PublishingStep[] {
  return PUBLISHING_STEPS.filter((step) => canTransition(actor, step, story));
}
