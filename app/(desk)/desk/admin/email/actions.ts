"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { recordAudit } from "@/db/queries/audit";
import { retryFailedEmail } from "@/db/queries/email-outbox";
import { can } from "@/lib/policy";
import { FORBIDDEN, staffAction } from "@/lib/server-action";

const retryForm = z.strictObject({ emailId: z.uuid("Unknown email.") });

/** A failed message goes back in the queue with a fresh set of attempts. */
export const retryEmailAction = staffAction(retryForm, async ({ emailId }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  if (!(await retryFailedEmail(emailId))) return { error: "That email is no longer failed: reload the page." };
  await recordAudit({ actorId: user.id, action: "email_retried", targetType: "email", targetId: emailId });
  revalidatePath("/desk/admin/email");
  return { success: "Queued again." };
});
