import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password", robots: { index: false } };

export default async function ForgotPasswordPage() {
  // Rendered per request, so its scripts carry the request's CSP nonce (proxy.ts).
  await connection();
  return (
    <AuthCard title="Forgot your password?" intro="Enter the email address you sign in with. We'll send a link to set a new password.">
      <ForgotPasswordForm />
      <p className="mt-6 text-sm">
        <Link href="/login" className="underline">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
