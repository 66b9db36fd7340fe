"use server";

import { z } from "zod";
import { createShareLink, findShareLink, listActiveShareLinks, revokeShareLink } from "@/db/queries/share-links";
import { findStoryScope } from "@/db/queries/stories";
import { recordAudit } from "@/db/queries/audit";
import { can } from "@/lib/policy";
import { FORBIDDEN, SESSION_ENDED, firstIssue } from "@/lib/server-action";
import { currentUser } from "@/lib/session";

export type ShareLinksResponse = {
  error?: string;
  /** Only right after creating one: the path with the token, shown once. */
  createdPath?: string;
  links?: Awaited<ReturnType<typeof listActiveShareLinks>>;
};

const NOT_FOUND = "This story does not exist, or you cannot open it.";
const createInput = z.strictObject({
  storyId: z.uuid(NOT_FOUND),
  hours: z.number().int("Choose how long the link works.").min(1, "A link works for at least an hour.").max(24 * 14, "A link works for at most 14 days."),
});
const revokeInput = z.strictObject({ linkId: z.uuid("That link no longer exists.") });

async function authorize(storyId: string): Promise<{ error: string } | { userId: string }> {
  const user = await currentUser();
  if (!user) return { error: SESSION_ENDED };
  const scope = await findStoryScope(storyId);
  if (!scope || !can(user, "story.open", scope)) return { error: NOT_FOUND };
  if (!can(user, "story.shareLink", scope)) return { error: FORBIDDEN };
  return { userId: user.id };
}

export async function createShareLinkAction(input: unknown): Promise<ShareLinksResponse> {
  if (!(await currentUser())) return { error: SESSION_ENDED };
  const parsed = createInput.safeParse(input);
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const allowed = await authorize(parsed.data.storyId);
  if ("error" in allowed) return allowed;
  const { token, expiresAt } = await createShareLink(parsed.data.storyId, allowed.userId, parsed.data.hours);
  await recordAudit({
    actorId: allowed.userId,
    action: "story.shareLinkCreated",
    targetType: "story",
    targetId: parsed.data.storyId,
    metadata: { expiresAt: expiresAt.toISOString() },
  });
  return { createdPath: `/preview/${token}`, links: await listActiveShareLinks(parsed.data.storyId) };
}

export async function revokeShareLinkAction(input: unknown): Promise<ShareLinksResponse> {
  if (!(await currentUser())) return { error: SESSION_ENDED };
  const parsed = revokeInput.safeParse(input);
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const link = await findShareLink(parsed.data.linkId);
  if (!link) return { error: "That link no longer exists." };
  const allowed = await authorize(link.storyId);
  if ("error" in allowed) return allowed;
  await revokeShareLink(link.id);
  await recordAudit({ actorId: allowed.userId, action: "story.shareLinkRevoked", targetType: "story", targetId: link.storyId });
  return { links: await listActiveShareLinks(link.storyId) };
}
