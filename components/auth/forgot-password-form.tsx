"use client";

import { useActionState } from "react";
import { forgotPasswordAction } from "@/app/(auth)/forgot-password/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ForgotPasswordForm() {
  const [state, formAction] = useActionState(forgotPasswordAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Send reset link">
      <FormMessage error={state.error} success={state.success} />
      <Field label="Email" name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state.values?.email} />
      <SubmitButton pendingLabel="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
