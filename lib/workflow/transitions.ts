import type { StoryStatus } from "@/db/schema";

/**
 * The story state machine from the product rules: where each transition may start and where it
 * leads. Who may take it is lib/policy.ts; carrying it out is db/queries/story-transitions.ts.
 */
export const TRANSITIONS = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", label: "Submit for review", checklist: "submit" },
  withdraw: { from: ["in_review"], to: "draft", label: "Withdraw", checklist: null },
  requestChanges: {
    from: ["in_review", "approved", "scheduled"],
    to: "changes_requested",
    label: "Request changes",
    checklist: null,
  },
  approve: { from: ["in_review"], to: "approved", label: "Approve", checklist: "publish" },
  schedule: { from: ["approved"], to: "scheduled", label: "Schedule", checklist: "publish" },
  unschedule: { from: ["scheduled"], to: "approved", label: "Unschedule", checklist: null },
  publishNow: { from: ["approved", "scheduled"], to: "published", label: "Publish now", checklist: "publish" },
  publishUpdate: { from: ["published"], to: "published", label: "Publish update", checklist: "publish" },
  unpublish: { from: ["published"], to: "unpublished", label: "Unpublish", checklist: null },
  republish: { from: ["unpublished"], to: "published", label: "Republish", checklist: "publish" },
  /** Taken by the scheduler alone, once the time has come (lib/policy.ts refuses it to everyone). */
  scheduledPublish: { from: ["scheduled"], to: "published", label: "Scheduled publish", checklist: "publish" },
} as const satisfies Record<
  string,
  { from: readonly StoryStatus[]; to: StoryStatus; label: string; checklist: "submit" | "publish" | null }
>;

export type TransitionName = keyof typeof TRANSITIONS;

export const STORY_CHANGED = "This story changed meanwhile. Reload it to see the latest version, then try again.";

export function canStartFrom(name: TransitionName, status: StoryStatus): boolean {
  return (TRANSITIONS[name].from as readonly StoryStatus[]).includes(status);
}

export const STATUS_LABELS: Record<StoryStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  scheduled: "Scheduled",
  published: "Published",
  unpublished: "Unpublished",
};
