"use client";

import { useActionState } from "react";
import { saveSettingsAction } from "@/app/(desk)/desk/admin/settings/actions";
import { FormMessage } from "@/components/ui/form-message";
import type { PublicationSettings } from "@/db/queries/publication";

const fieldClass = "mt-1 block w-full rounded border border-stone-300 px-3 py-2 font-normal";

export function SettingsForm({ current, timezones }: { current: PublicationSettings; timezones: string[] }) {
  const [state, formAction, pending] = useActionState(saveSettingsAction, {});
  return (
    <form action={formAction} aria-label="Publication settings" className="max-w-xl space-y-4 text-sm">
      <FormMessage error={state.error} success={state.success} />
      <label className="block font-medium">
        Publication name
        <input name="name" required maxLength={100} defaultValue={current.name} className={fieldClass} />
      </label>
      <label className="block font-medium">
        Description
        <textarea name="description" maxLength={300} rows={2} defaultValue={current.description} className={fieldClass} />
      </label>
      <label className="block font-medium">
        Language
        <input name="language" required maxLength={10} defaultValue={current.language} className={fieldClass} />
      </label>
      <label className="block font-medium">
        Timezone
        <select name="timezone" defaultValue={current.timezone} className={fieldClass}>
          {timezones.map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Save settings
      </button>
    </form>
  );
}
