/** What the bell says about each workflow step, from the reader's side. */
export const NOTIFICATION_TEXT: Record<string, string> = {
  submit: "submitted for review",
  requestChanges: "requested changes to",
  approve: "approved",
  schedule: "scheduled",
  publishNow: "published",
  scheduledPublish: "published on schedule",
  publishUpdate: "published an update to",
  unpublish: "unpublished",
};
