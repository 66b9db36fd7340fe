"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/auth";
import { clientIpFrom } from "@/lib/client-ip";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { type ActionState, firstIssue, formFields } from "@/lib/server-action";
import { credentialsSchema } from "@/lib/sign-in";
import { signInBlockedFor } from "@/lib/sign-in-throttle";

const signInForm = credentialsSchema.extend({ callbackUrl: z.string().max(2048).optional() }).strict();

const WRONG_CREDENTIALS = "Wrong email or password.";

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const email = typeof fields.email === "string" ? fields.email.slice(0, 254) : "";
  const parsed = signInForm.safeParse(fields);
  if (!parsed.success) return { error: firstIssue(parsed.error), values: { email } };

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
    return {};
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // a successful sign-in redirects by throwing
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      const ip = clientIpFrom(await headers());
      const minutes = Math.max(1, Math.ceil((await signInBlockedFor(parsed.data.email, ip)) / 60));
      return {
        error: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        values: { email },
      };
    }
    return { error: WRONG_CREDENTIALS, values: { email } };
  }
}
