"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { recordAudit } from "@/db/queries/audit";
import { moveFooterPage } from "@/db/queries/pages";
import { purgeWholeSite } from "@/lib/public/purge";
import { can } from "@/lib/policy";
import { FORBIDDEN, staffAction } from "@/lib/server-action";

const moveForm = z.strictObject({ pageId: z.uuid("That page is no longer published."), direction: z.enum(["up", "down"]) });

export const moveFooterPageAction = staffAction(moveForm, async ({ pageId, direction }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  if (!(await moveFooterPage(pageId, direction))) return { error: "That page is no longer published." };
  // Every public page has the footer.
  await purgeWholeSite();
  await recordAudit({ actorId: user.id, action: "footer_page_moved", targetType: "story", targetId: pageId, metadata: { direction } });
  revalidatePath("/desk/admin/footer");
  return { success: "Footer order saved." };
});
