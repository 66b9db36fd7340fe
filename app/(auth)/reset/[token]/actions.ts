"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/auth";
import { usePasswordReset } from "@/db/queries/staff-admin";
import { newPasswordField } from "@/lib/password-rules";
import { clientIpFrom } from "@/lib/client-ip";
import { hashPassword } from "@/lib/passwords";
import { takeAttempt, tooManyMessage } from "@/lib/rate-limits";
import { type ActionState, firstIssue, formFields } from "@/lib/server-action";

const resetForm = z.strictObject({ token: z.string().max(100), password: newPasswordField });

/** The link is the credential and works once; the new password ends every other session. */
export async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const wait = await takeAttempt("passwordReset", clientIpFrom(await headers()));
  if (wait > 0) return { error: tooManyMessage(wait) };
  const parsed = resetForm.safeParse(formFields(formData));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const person = await usePasswordReset(parsed.data.token, await hashPassword(parsed.data.password));
  if (!person) return { error: "This reset link has been used, has expired, or a newer link was sent. Ask for a new one with “Forgot password?” on the sign-in page." };
  await signIn("credentials", { email: person.email, password: parsed.data.password, redirectTo: "/desk" });
  return {};
}
