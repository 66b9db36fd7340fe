"use client";

import { useActionState } from "react";
import { saveEmailPreferencesAction } from "@/app/(desk)/desk/profile/actions";
import { FormMessage } from "@/components/ui/form-message";
import type { EmailMode } from "@/db/schema";
import { EMAIL_KINDS, EMAIL_KIND_NAMES, type EmailKind } from "@/lib/email/kinds";

const MODE_LABELS: Record<EmailMode, string> = { off: "Off", immediate: "Immediately", digest: "Daily digest" };
const fieldClass = "mt-1 block rounded border border-stone-300 px-2 py-1 font-normal";

type Props = { modes: Record<EmailKind, EmailMode>; digestHour: number; timeZone: string };

export function EmailPreferencesForm({ modes, digestHour, timeZone }: Props) {
  const [state, formAction, pending] = useActionState(saveEmailPreferencesAction, {});
  return (
    <form action={formAction} aria-label="Email notifications" className="max-w-xl space-y-3 text-sm">
      <FormMessage error={state.error} success={state.success} />
      {EMAIL_KIND_NAMES.map((kind) => (
        <label key={kind} className="flex items-center justify-between gap-4 font-medium">
          {EMAIL_KINDS[kind].label}
          <select name={kind} defaultValue={modes[kind]} className={fieldClass}>
            {Object.entries(MODE_LABELS).map(([mode, label]) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="flex items-center justify-between gap-4 font-medium">
        Daily digest at ({timeZone})
        <select name="digestHour" defaultValue={String(digestHour)} className={fieldClass}>
          {Array.from({ length: 24 }, (_, hour) => (
            <option key={hour} value={hour}>
              {`${String(hour).padStart(2, "0")}:00`}
            </option>
          ))}
        </select>
      </label>
      <p className="text-xs text-stone-600">A digest groups the day&apos;s events per story and is not sent on a day without any.</p>
      <button type="submit" disabled={pending} className="rounded border border-stone-400 px-4 py-2 disabled:opacity-60">
        Save email settings
      </button>
    </form>
  );
}
