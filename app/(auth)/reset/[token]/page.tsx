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
    return <AuthCard title="This reset link no longer works" intro="It has been used or has expired. Ask an admin for a new one." />;
  }
  return (
    <AuthCard title="Set a new password" intro={`For ${reset.email}. Signing in with it ends every other session.`}>
      <NewPasswordForm token={token} askName={false} submitLabel="Set password" minPasswordLength={MIN_PASSWORD_LENGTH} action={resetPasswordAction} />
    </AuthCard>
  );
}
