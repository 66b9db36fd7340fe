import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { findOpenInvite } from "@/db/queries/staff-admin";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords";
import { ROLE_LABELS } from "@/lib/roles";
import { acceptInviteAction } from "./actions";

// The token is in the address: never index it, never send it on as a referrer.
export const metadata: Metadata = { title: "Join the newsroom", robots: { index: false }, referrer: "no-referrer" };

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  await connection();
  const { token } = await params;
  const invite = await findOpenInvite(token);
  if (!invite) {
    return <AuthCard title="This invitation no longer works" intro="It has been used or has expired. Ask an admin for a new one." />;
  }
  return (
    <AuthCard title="Join the newsroom" intro={`You are invited as ${ROLE_LABELS[invite.role].toLowerCase()} with ${invite.email}. Choose your name and password.`}>
      <NewPasswordForm token={token} askName submitLabel="Join" passwordLabel="Password" minPasswordLength={MIN_PASSWORD_LENGTH} action={acceptInviteAction} />
    </AuthCard>
  );
}
