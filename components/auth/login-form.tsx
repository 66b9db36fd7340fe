"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/login/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [state, formAction] = useActionState(signInAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state.error ?? notice} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Email" name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state.values?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required maxLength={1024} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      <p className="text-sm">
        <Link href="/forgot-password" className="underline">
          Forgot password?
        </Link>
      </p>
    </form>
  );
}
