"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server-action";

type Props = {
  token: string;
  askName: boolean;
  submitLabel: string;
  passwordLabel: string;
  minPasswordLength: number;
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Joining from an invitation (name and password) or setting a new password from a reset link. */
export function NewPasswordForm({ token, askName, submitLabel, passwordLabel, minPasswordLength, action }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state.error} />
      <input type="hidden" name="token" value={token} />
      {askName && <Field label="Name" name="displayName" autoComplete="name" required maxLength={100} defaultValue={state.values?.displayName} />}
      <Field
        label={passwordLabel}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        maxLength={1024}
        hint={`At least ${minPasswordLength} characters, and not a common one.`}
      />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
