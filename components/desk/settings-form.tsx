"use client";

import { useActionState } from "react";
import { saveSettingsAction } from "@/app/(desk)/desk/admin/settings/actions";
import { FormMessage } from "@/components/ui/form-message";
import { type ImageChoice, ImageField } from "./image-field";

const fieldClass = "mt-1 block w-full rounded border border-stone-300 px-3 py-2 font-normal";

type Settings = { name: string; description: string; language: string; timezone: string; logo: ImageChoice; socialImage: ImageChoice };

export function SettingsForm({ current, timezones }: { current: Settings; timezones: string[] }) {
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
        <input name="language" required maxLength={10} defaultValue={current.language} aria-describedby="language-hint" className={fieldClass} />
      </label>
      <p id="language-hint" className="text-xs text-stone-600">
        A code such as en, en-GB, de or uk. Public dates and numbers follow it, and search matches the forms of its words (Haus finds Häuser)
        where PostgreSQL knows the language; others, such as Ukrainian, are matched as written. Changing it re-indexes every story.
      </p>
      <label className="block font-medium">
        Timezone
        <select name="timezone" defaultValue={current.timezone} className={fieldClass}>
          {timezones.map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
      </label>
      <ImageField name="logoMediaId" label="Logo" removeLabel="Remove logo" previewAlt="Current logo" initial={current.logo} previewClassName="h-16 w-auto" />
      <p className="text-xs text-stone-600">Shown instead of the name at the top of the public site.</p>
      <ImageField
        name="socialImageMediaId"
        label="Default social image"
        removeLabel="Remove default social image"
        previewAlt="Current default social image"
        initial={current.socialImage}
        previewClassName="w-full max-w-sm"
      />
      <p className="text-xs text-stone-600">Shown when a page or a story without a featured image is shared.</p>
      <button type="submit" disabled={pending} className="rounded bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Save settings
      </button>
    </form>
  );
}
