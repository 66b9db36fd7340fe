"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/auth";
import { acceptInvite } from "@/db/queries/staff-admin";
import { newPasswordField } from "@/lib/password-rules";
import { clientIpFrom } from "@/lib/client-ip";
import { hashPassword } from "@/lib/passwords";
import { takeAttempt, tooManyMessage } from "@/lib/rate-limits";
import { type ActionState, firstIssue, formFields } from "@/lib/server-action";

const acceptForm = z.strictObject({
  token: z.string().max(100),
  displayName: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  password: newPasswordField,
});

/** Anyone holding the link may use it, once: the link is the credential. */
export async function acceptInviteAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const values = { displayName: String(fields.displayName ?? "").slice(0, 100) };
  const wait = await takeAttempt("inviteAcceptance", clientIpFrom(await headers()));
  if (wait > 0) return { error: tooManyMessage(wait), values };
  const parsed = acceptForm.safeParse(fields);
  if (!parsed.success) return { error: firstIssue(parsed.error), values };
  const { token, displayName, password } = parsed.data;
  const result = await acceptInvite(token, displayName, await hashPassword(password));
  if (result.kind === "gone") return { error: "This invitation has been used or has expired. Ask an admin for a new one." };
  if (result.kind === "email-taken") return { error: "Someone on the staff already has this email address. Sign in instead." };
  await signIn("credentials", { email: result.email, password, redirectTo: "/desk" });
  return {};
}
