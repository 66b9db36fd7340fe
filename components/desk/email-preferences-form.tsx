"use client";

import { useActionState } from "react";
import { saveEmailPreferencesAction } from "@/app/(desk)/desk/profile/actions";
import { FormMessage } from "@/components/ui/form-message";
import type { EmailMode } from "@/db/schema";
import { EMAIL_KINDS, EMAIL_KIND_NAMES, type EmailKind } from "@/lib/email/kinds";

const MODE_LABELS: Record<EmailMode, string> = { off: "Off", immediate: "Immediately", digest: "Daily digest" };
const fieldClass = "rounded border border-stone-300 px-2 py-1";

type Props = { modes: Record<EmailKind, EmailMode>; digestHour: number; timeZone: string };

export function EmailPreferencesForm({ modes, digestHour, timeZone }: Props) {
  const [state, formAction, pending] = useActionState(saveEmailPreferencesAction, {});
  return (
    <form action={formAction} aria-label="Email notifications" className="max-w-xl space-y-3 text-sm">
      <FormMessage error={state.error} success={state.success} />
      {EMAIL_KIND_NAMES.map((kind) => (
        <div key={kind} className="flex items-center justify-between gap-4">
          <label htmlFor={`email-${kind}`} className="font-medium">
            {EMAIL_KINDS[kind].label}
          </label>
          <select id={`email-${kind}`} name={kind} defaultValue={modes[kind]} className={fieldClass}>
            {Object.entries(MODE_LABELS).map(([mode, label]) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="flex items-center justify-between gap-4">
        <label htmlFor="email-digest-hour" className="font-medium">
          Daily digest at ({timeZone})
        </label>
        <select id="email-digest-hour" name="digestHour" defaultValue={String(digestHour)} className={fieldClass}>
          {Array.from({ length: 24 }, (_, hour) => (
            <option key={hour} value={hour}>
              {`${String(hour).padStart(2, "0")}:00`}
            </option>
          ))}
        </select>
      </div>
      <p className="text-xs text-stone-600">A digest groups the day&apos;s events per story and is not sent on a day without any.</p>
      <button type="submit" disabled={pending} className="rounded border border-stone-400 px-4 py-2 disabled:opacity-60">
        Save email settings
      </button>
    </form>
  );
}
