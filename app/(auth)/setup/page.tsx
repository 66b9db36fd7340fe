import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { hasAnyUser } from "@/db/queries/users";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords";

export const metadata: Metadata = { title: "Set up your newsroom", robots: { index: false } };

export default async function SetupPage() {
  await connection();
  if (await hasAnyUser()) notFound();
  return (
    <AuthCard title="Set up your newsroom" intro="Create the first admin account. This page closes once it exists.">
      <SetupForm minPasswordLength={MIN_PASSWORD_LENGTH} />
    </AuthCard>
  );
}
