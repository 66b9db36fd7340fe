"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { createInvite, createPasswordReset, endAllSessions, setUserRole } from "@/db/queries/staff-admin";
import { LastAdminError, setUserActive } from "@/db/queries/users";
import { ROLES } from "@/db/schema";
import { smtpUrl } from "@/lib/email/config";
import { emailField } from "@/lib/sign-in";
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

const inviteForm = z.strictObject({ email: emailField, role: z.enum(ROLES, "Choose a role.") });

/** Emailed to the invitee and shown to the admin; it works once, for seven days, and replaces an earlier one. */
export const inviteStaffAction = staffAction(inviteForm, async ({ email, role }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  const { token } = await createInvite(email, role, user.id);
  await recordAudit({ actorId: user.id, action: "invite_created", targetType: "invite", targetId: email, metadata: { role } });
  revalidatePath("/desk/admin/staff");
  const sending = smtpUrl() ? "It is on its way to them by email; the link is here too" : "Send them this link";
  return { success: `Invitation for ${email} created. ${sending}; it works once, for 7 days.`, values: { link: `/invite/${token}` } };
});

const roleForm = z.strictObject({ userId: z.uuid("Unknown staff member."), role: z.enum(ROLES, "Choose a role.") });

export const changeRoleAction = staffAction(roleForm, async ({ userId, role }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  try {
    const updated = await setUserRole(userId, role);
    if (!updated) return { error: "That staff member no longer exists." };
    await recordAudit({ actorId: user.id, action: "role_changed", targetType: "user", targetId: userId, metadata: { from: updated.from, to: role } });
    revalidatePath("/desk/admin/staff");
    return { success: `${updated.email} is now ${role === "writer" ? "a" : "an"} ${role}.` };
  } catch (error) {
    if (error instanceof LastAdminError) return { error: error.message };
    throw error;
  }
});

const personForm = z.strictObject({ userId: z.uuid("Unknown staff member.") });

export const signOutEverywhereAction = staffAction(personForm, async ({ userId }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  if (!(await endAllSessions(userId))) return { error: "That staff member no longer exists." };
  await recordAudit({ actorId: user.id, action: "sessions_ended", targetType: "user", targetId: userId });
  return { success: "Signed out everywhere: every open session ends on its next request." };
});

export const createResetLinkAction = staffAction(personForm, async ({ userId }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  const reset = await createPasswordReset(userId, user.id);
  if (!reset) return { error: "That staff member no longer exists." };
  await recordAudit({ actorId: user.id, action: "password_reset_created", targetType: "user", targetId: userId });
  return { success: "Reset link created. It works once, for 24 hours.", values: { link: `/reset/${reset.token}` } };
});
