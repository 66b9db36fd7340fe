"use client";

import { useActionState } from "react";
import { setupAction } from "@/app/(auth)/setup/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SetupForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [state, formAction] = useActionState(setupAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state.error} />
      <Field label="Name" name="displayName" autoComplete="name" required maxLength={100} defaultValue={state.values?.displayName} />
      <Field label="Email" name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state.values?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        maxLength={1024}
        hint={`At least ${minPasswordLength} characters.`}
      />
      <SubmitButton pendingLabel="Creating…">Create admin account</SubmitButton>
    </form>
  );
}
