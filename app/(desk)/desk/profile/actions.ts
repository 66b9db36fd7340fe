"use server";

import { purgeAuthor } from "@/lib/public/purge";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signIn } from "@/auth";
import { recordAudit } from "@/db/queries/audit";
import { saveEmailPreferences } from "@/db/queries/email-preferences";
import { changeEmail, changePassword, passwordHashOf, updateProfile } from "@/db/queries/users";
import { EMAIL_MODES } from "@/db/schema";
import { EMAIL_KIND_NAMES, type EmailKind } from "@/lib/email/kinds";
import { imageReference, isUsableImage } from "@/lib/media/image-reference";
import { newPasswordField } from "@/lib/password-rules";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { can } from "@/lib/policy";
import { FORBIDDEN, staffAction } from "@/lib/server-action";
import { emailField } from "@/lib/sign-in";
import { SLUG_PATTERN, SLUG_RULE } from "@/lib/slug";

const profileForm = z.strictObject({
  displayName: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  slug: z.string().trim().toLowerCase().max(60, "Keep the author address under 60 characters.").regex(SLUG_PATTERN, `Use only ${SLUG_RULE} in the author address.`),
  bio: z.string().trim().max(1000, "Keep the bio under 1,000 characters."),
  avatarMediaId: imageReference("Upload the avatar again."),
});

/** Only ever the caller's own profile: the form carries no one's id. */
export const saveProfileAction = staffAction(profileForm, async (profile, user) => {
  if (!can(user, "profile.edit")) return { error: FORBIDDEN };
  if (profile.avatarMediaId && !(await isUsableImage(user, profile.avatarMediaId))) {
    return { error: "That avatar can't be used: upload the image again." };
  }
  if ((await updateProfile(user.id, profile)) === "slug-taken") {
    return { error: `Someone else already has the author address “${profile.slug}”.` };
  }
  await purgeAuthor(user.id);
  revalidatePath("/desk", "layout");
  return { success: "Profile saved." };
});

const currentPasswordField = z.string().min(1, "Enter your current password.").max(1024);
const WRONG_PASSWORD = "Your current password is not right.";

async function isCurrentPassword(userId: string, password: string): Promise<boolean> {
  const stored = await passwordHashOf(userId);
  return stored !== undefined && (await verifyPassword(stored, password));
}

const passwordForm = z.strictObject({ currentPassword: currentPasswordField, newPassword: newPasswordField });

export const changePasswordAction = staffAction(passwordForm, async ({ currentPassword, newPassword }, user) => {
  if (!can(user, "profile.edit")) return { error: FORBIDDEN };
  if (!(await isCurrentPassword(user.id, currentPassword))) return { error: WRONG_PASSWORD };
  if (currentPassword === newPassword) return { error: "Choose a password different from the current one." };
  await changePassword(user.id, await hashPassword(newPassword));
  await recordAudit({ actorId: user.id, action: "password_changed", targetType: "user", targetId: user.id });
  // Other sessions ended with the change; this one continues under the new password.
  await signIn("credentials", { email: user.email, password: newPassword, redirectTo: "/desk/profile?notice=password-changed" });
  return {};
});

const emailForm = z.strictObject({ newEmail: emailField, currentPassword: currentPasswordField });

/** Takes effect at once and tells both addresses; this session and the others carry on. */
export const changeEmailAction = staffAction(emailForm, async ({ newEmail, currentPassword }, user) => {
  if (!can(user, "profile.edit")) return { error: FORBIDDEN };
  if (!(await isCurrentPassword(user.id, currentPassword))) return { error: WRONG_PASSWORD };
  const change = await changeEmail(user.id, newEmail);
  if (change === "unchanged") return { error: "That is already your email address." };
  if (change === "taken") return { error: "Another account already uses that email address." };
  revalidatePath("/desk", "layout");
  return { success: `Email address changed to ${newEmail}. We have told both the old and the new address.` };
});

const emailMode = z.enum(EMAIL_MODES, "Choose off, immediately or daily digest.");
const emailPreferencesForm = z.strictObject({
  ...(Object.fromEntries(EMAIL_KIND_NAMES.map((kind) => [kind, emailMode])) as Record<EmailKind, typeof emailMode>),
  digestHour: z.coerce.number("Choose the hour of your digest.").int("Choose the hour of your digest.").min(0, "Choose the hour of your digest.").max(23, "Choose the hour of your digest."),
});

/** Which editorial events also come by email, and when the daily digest arrives. */
export const saveEmailPreferencesAction = staffAction(emailPreferencesForm, async ({ digestHour, ...modes }, user) => {
  if (!can(user, "profile.edit")) return { error: FORBIDDEN };
  await saveEmailPreferences(user.id, modes, digestHour);
  revalidatePath("/desk/profile");
  return { success: "Email settings saved." };
});
