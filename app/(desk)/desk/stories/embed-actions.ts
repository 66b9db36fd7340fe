"use server";

import { findStoryScope } from "@/db/queries/stories";
import { addEmbed } from "@/lib/embeds/add-embed";
import { can } from "@/lib/policy";
import { takeAttempt, tooManyMessage } from "@/lib/rate-limits";
import { type ActionState, FORBIDDEN, staffAction } from "@/lib/server-action";
import type { EmbedAttrs } from "@/lib/story-body/embed";
import { z } from "@/lib/zod";

const embedForm = z.strictObject({
  storyId: z.uuid("Unknown story."),
  link: z.string().trim().min(1, "Paste the link to embed.").max(4096, "The link is too long to embed."),
});

export type EmbedActionState = ActionState & { embed?: EmbedAttrs };

/**
 * The editor's Embed button and pasted links: the server fetches the provider's description and
 * thumbnail (lib/embeds/add-embed.ts) for a story the person may edit, and hands back the node.
 */
export const addEmbedAction = staffAction(embedForm, async ({ storyId, link }, user): Promise<EmbedActionState> => {
  const scope = await findStoryScope(storyId);
  if (!scope || !can(user, "story.edit", scope)) return { error: FORBIDDEN };
  // Each embed may store a thumbnail, so it counts against the same limit as an upload.
  const wait = await takeAttempt("upload", user.id);
  if (wait > 0) return { error: tooManyMessage(wait) };
  const added = await addEmbed(link, user.id);
  return added.ok ? { embed: added.embed } : { error: added.error };
});
