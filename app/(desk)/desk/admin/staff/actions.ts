"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { LastAdminError, setUserActive } from "@/db/queries/users";
import { can } from "@/lib/policy";
import { FORBIDDEN, staffAction } from "@/lib/server-action";

const activeForm = z.strictObject({
  userId: z.uuid("Unknown staff member."),
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const setStaffActiveAction = staffAction(activeForm, async ({ userId, active }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  try {
    const updated = await setUserActive(userId, active);
    if (!updated) return { error: "That staff member no longer exists." };
    await recordAudit({
      actorId: user.id,
      action: active ? "user_reactivated" : "user_deactivated",
      targetType: "user",
      targetId: userId,
    });
    revalidatePath("/desk/admin/staff");
    return { success: `${updated.email} is now ${active ? "active" : "deactivated"}.` };
  } catch (error) {
    if (error instanceof LastAdminError) return { error: error.message };
    throw error;
  }
});
