import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { findOpenReset } from "@/db/queries/staff-admin";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Set a new password", robots: { index: false }, referrer: "no-referrer" };

export default async function ResetPage({ params }: PageProps<"/reset/[token]">) {
  await connection();
  const { token } = await params;
  const reset = await findOpenReset(token);
  if (!reset) {
    return <AuthCard title="This reset link no longer works" intro="It has been used, has expired, or a newer link was sent. Ask for a new one with “Forgot password?” on the sign-in page." />;
  }
  return (
    <AuthCard title="Set a new password" intro={`For ${reset.email}. Signing in with it ends every other session.`}>
      <NewPasswordForm token={token} askName={false} submitLabel="Set password" passwordLabel="New password" minPasswordLength={MIN_PASSWORD_LENGTH} action={resetPasswordAction} />
    </AuthCard>
  );
}
