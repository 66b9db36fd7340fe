"use client";

import { useActionState } from "react";
import { retryEmailAction } from "@/app/(desk)/desk/admin/email/actions";
import { FormMessage } from "@/components/ui/form-message";

export function EmailRetryButton({ emailId, subject }: { emailId: string; subject: string }) {
  const [state, formAction, pending] = useActionState(retryEmailAction, {});
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="emailId" value={emailId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Retry “${subject}”`}
        className="rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-60"
      >
        Retry
      </button>
      <FormMessage error={state.error} success={state.success} />
    </form>
  );
}
