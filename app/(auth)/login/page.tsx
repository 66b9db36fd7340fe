import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { hasAnyUser } from "@/db/queries/users";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { currentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const NOTICES: Record<string, string> = {
  "session-ended": "Your session has ended. Sign in again.",
  CredentialsSignin: "Wrong email or password.",
};

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const { callbackUrl, notice, error } = await searchParams;
  if (!(await hasAnyUser())) redirect("/setup");
  const returnTo = safeCallbackPath(callbackUrl);
  if (await currentUser()) redirect(returnTo);
  const key = [notice, error].find((value) => typeof value === "string" && value in NOTICES) as string | undefined;
  return (
    <AuthCard title="Sign in to the desk">
      <LoginForm callbackUrl={returnTo} notice={key ? NOTICES[key] : undefined} />
    </AuthCard>
  );
}
