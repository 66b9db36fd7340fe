"use server";

import { headers } from "next/headers";
import { z } from "@/lib/zod";
import { requestPasswordReset } from "@/db/queries/staff-admin";
import { clientIpFrom } from "@/lib/client-ip";
import { RESET_REQUESTED, waitOutAnswerFloor } from "@/lib/forgot-password";
import { takeAttempt, tooManyMessage } from "@/lib/rate-limits";
import { type ActionState, firstIssue, formFields } from "@/lib/server-action";
import { emailField } from "@/lib/sign-in";

const forgotForm = z.strictObject({ email: emailField });

/**
 * Anyone may ask; the answer is the same sentence, in the same time, whether or not the address
 * has an account. Limited per address and per email, counted before anything is looked up.
 */
export async function forgotPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const started = Date.now();
  const parsed = forgotForm.safeParse(formFields(formData));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const { email } = parsed.data;
  const ip = clientIpFrom(await headers());
  const wait = Math.max(await takeAttempt("resetRequestByAddress", ip), await takeAttempt("resetRequestByEmail", email));
  if (wait > 0) return { error: tooManyMessage(wait), values: { email } };
  await requestPasswordReset(email);
  await waitOutAnswerFloor(started);
  return { success: RESET_REQUESTED };
}
