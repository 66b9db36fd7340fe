"use client";

import { useActionState, useEffect, useState } from "react";
import {
  changeRoleAction,
  createResetLinkAction,
  inviteStaffAction,
  signOutEverywhereAction,
} from "@/app/(desk)/desk/admin/staff/actions";
import { FormMessage } from "@/components/ui/form-message";
import type { Role } from "@/db/schema";
import type { ActionState } from "@/lib/server-action";
import { ROLE_CHOICES, ROLE_LABELS } from "@/lib/roles";

const fieldClass = "mt-1 block rounded border border-stone-300 px-2 py-1 font-normal";
const buttonClass = "rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-60";

/** A one-time link from the server, shown in full so the admin can copy it. */
function OneTimeLink({ state, label }: { state: ActionState; label: string }) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const path = state.values?.link;
  if (!path || !origin) return null;
  return (
    <label className="block text-sm font-medium">
      {label}
      <input readOnly value={`${origin}${path}`} onFocus={(event) => event.target.select()} className="mt-1 w-full rounded border border-stone-300 px-2 py-1 font-mono text-xs" />
    </label>
  );
}

export function InviteForm() {
  const [state, formAction, pending] = useActionState(inviteStaffAction, {});
  return (
    <form action={formAction} aria-label="Invite staff" className="space-y-3 rounded border border-stone-300 bg-white p-4 text-sm">
      <h2 className="font-semibold">Invite someone</h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="font-medium">
          Email
          <input type="email" name="email" required maxLength={254} className={fieldClass} />
        </label>
        <label className="font-medium">
          Role
          <select name="role" defaultValue="writer" className={fieldClass}>
            {ROLE_CHOICES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className="rounded bg-stone-900 px-3 py-1.5 font-semibold text-white disabled:opacity-60">
          Invite
        </button>
      </div>
      <FormMessage error={state.error} success={state.success} />
      <OneTimeLink state={state} label="Invitation link" />
    </form>
  );
}

export function StaffControls({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, {});
  const [signOutState, signOutAction, signOutPending] = useActionState(signOutEverywhereAction, {});
  const [resetState, resetAction, resetPending] = useActionState(createResetLinkAction, {});
  return (
    <div className="space-y-2">
      <form action={roleAction} className="flex items-center gap-1">
        <input type="hidden" name="userId" value={userId} />
        <select name="role" defaultValue={role} aria-label={`Role for ${name}`} className="rounded border border-stone-300 px-1 py-0.5 text-xs">
          {ROLE_CHOICES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={rolePending} aria-label={`Change role of ${name}`} className={buttonClass}>
          Change role
        </button>
      </form>
      <FormMessage error={roleState.error} success={roleState.success} />
      <div className="flex flex-wrap gap-1">
        <form action={signOutAction}>
          <input type="hidden" name="userId" value={userId} />
          <button type="submit" disabled={signOutPending} aria-label={`Sign ${name} out everywhere`} className={buttonClass}>
            Sign out everywhere
          </button>
        </form>
        <form action={resetAction}>
          <input type="hidden" name="userId" value={userId} />
          <button type="submit" disabled={resetPending} aria-label={`Create a password reset link for ${name}`} className={buttonClass}>
            Reset link
          </button>
        </form>
      </div>
      <FormMessage error={signOutState.error ?? resetState.error} success={signOutState.success ?? resetState.success} />
      <OneTimeLink state={resetState} label={`Reset link for ${name}`} />
    </div>
  );
}

/** Sends the invitation again: a new link, by email too, and the earlier one stops working. */
export function ResendInvite({ email, role }: { email: string; role: Role }) {
  const [state, formAction, pending] = useActionState(inviteStaffAction, {});
  return (
    <form action={formAction} className="inline space-y-1">
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="role" value={role} />
      <button type="submit" disabled={pending} aria-label={`Resend the invitation to ${email}`} className="ml-2 rounded border border-stone-300 px-2 py-0.5 text-xs disabled:opacity-60">
        Resend
      </button>
      <FormMessage error={state.error} success={state.success} />
      <OneTimeLink state={state} label={`New invitation link for ${email}`} />
    </form>
  );
}
