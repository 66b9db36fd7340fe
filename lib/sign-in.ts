import "server-only";
import { CredentialsSignin } from "next-auth";
import { z } from "@/lib/zod";
import { recordAudit } from "@/db/queries/audit";
import { findUserForSignIn, recordSignIn } from "@/db/queries/users";
import { spendVerificationTime, verifyPassword } from "./passwords";
import { clearAccountFailures, recordSignInFailure, signInBlockedFor } from "./sign-in-throttle";

export const emailField = z
  .string("Enter a valid email address.")
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));
const passwordField = z.string("Enter your password.").min(1, "Enter your password.").max(1024, "That password is too long.");
/** What a sign-in needs; Auth.js adds fields of its own (callbackUrl, csrfToken), which are ignored. */
export const credentialsSchema = z.object({ email: emailField, password: passwordField });

/** Seen by the sign-in form as `error.code`; it says nothing about which part was wrong. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

/** Auth.js's `authorize`: null for any wrong email or password alike. */
export async function authenticate(credentials: Partial<Record<string, unknown>>, ip: string) {
  const parsed = credentialsSchema.safeParse(credentials);
  const email = parsed.success ? parsed.data.email : String(credentials.email ?? "").slice(0, 254).toLowerCase();
  if ((await signInBlockedFor(email, ip)) > 0) throw new SignInThrottled();

  const user = parsed.success ? await findUserForSignIn(email) : undefined;
  if (parsed.success && user?.active && (await verifyPassword(user.passwordHash, parsed.data.password))) {
    await clearAccountFailures(email);
    await recordSignIn(user.id);
    await recordAudit({ action: "sign_in", actorId: user.id, ip });
    return { id: user.id, email: user.email, name: user.displayName, sessionVersion: user.sessionVersion };
  }
  if (parsed.success && !user) await spendVerificationTime(parsed.data.password);
  await recordSignInFailure(email, ip);
  await recordAudit({ action: "sign_in_failed", actorId: user?.id ?? null, ip, metadata: { email } });
  return null;
}
