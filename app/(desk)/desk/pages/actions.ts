"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/db/queries/audit";
import { createDraft } from "@/db/queries/stories";
import { can } from "@/lib/policy";
import { FORBIDDEN } from "@/lib/server-action";
import { currentUser } from "@/lib/session";

/** A standing page starts like a story, as its writer's draft, and goes through the same steps. */
export async function createPageAction(): Promise<void> {
  const user = await currentUser();
  if (!user) redirect("/login?notice=session-ended");
  if (!can(user, "story.create")) throw new Error(FORBIDDEN);
  const id = await createDraft(user.id, "page");
  await recordAudit({ actorId: user.id, action: "story.create", targetType: "story", targetId: id, toStatus: "draft", metadata: { kind: "page" } });
  redirect(`/desk/stories/${id}/edit`);
}
