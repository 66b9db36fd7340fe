"use client";

import { useActionState } from "react";
import { setStaffActiveAction } from "@/app/(desk)/desk/admin/staff/actions";
import { FormMessage } from "@/components/ui/form-message";

export function StaffActiveToggle({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const [state, formAction, pending] = useActionState(setStaffActiveAction, {});
  const label = active ? "Deactivate" : "Reactivate";
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={String(!active)} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${label} ${name}`}
        className="rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-60"
      >
        {label}
      </button>
      <FormMessage error={state.error} />
    </form>
  );
}
