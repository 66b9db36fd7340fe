"use client";

import { useActionState } from "react";
import { changeEmailAction, changePasswordAction, saveProfileAction } from "@/app/(desk)/desk/profile/actions";
import { FormMessage } from "@/components/ui/form-message";
import { type ImageChoice, ImageField } from "./image-field";

const fieldClass = "mt-1 block w-full rounded border border-stone-300 px-3 py-2 font-normal";

type Profile = { displayName: string; slug: string; bio: string; avatar: ImageChoice };

export function ProfileForm({ profile }: { profile: Profile }) {
  const [state, formAction, pending] = useActionState(saveProfileAction, {});
  return (
    <form action={formAction} aria-label="Profile" className="max-w-xl space-y-4 text-sm">
      <FormMessage error={state.error} success={state.success} />
      <label className="block font-medium">
        Display name
        <input name="displayName" required maxLength={100} defaultValue={profile.displayName} className={fieldClass} />
      </label>
      <label className="block font-medium">
        Author address
        <input name="slug" required maxLength={60} defaultValue={profile.slug} className={fieldClass} />
      </label>
      <p className="text-xs text-stone-600">Your author page is /authors/ followed by this.</p>
      <label className="block font-medium">
        Bio
        <textarea name="bio" maxLength={1000} rows={4} defaultValue={profile.bio} className={fieldClass} />
      </label>
      <ImageField
        name="avatarMediaId"
        label="Avatar"
        removeLabel="Remove avatar"
        previewAlt="Your avatar"
        initial={profile.avatar}
        previewClassName="size-24 rounded-full"
        libraryMine
      />
      <p className="text-xs text-stone-600">Shown on your author page. Changes count when you save the profile.</p>
      <button type="submit" disabled={pending} className="rounded bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Save profile
      </button>
    </form>
  );
}

export function PasswordForm({ minLength }: { minLength: number }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, {});
  return (
    <form action={formAction} aria-label="Change password" className="max-w-xl space-y-4 text-sm">
      <FormMessage error={state.error} />
      <label className="block font-medium">
        Current password
        <input type="password" name="currentPassword" autoComplete="current-password" required className={fieldClass} />
      </label>
      <label className="block font-medium">
        New password
        <input type="password" name="newPassword" autoComplete="new-password" required minLength={minLength} maxLength={1024} className={fieldClass} />
      </label>
      <p className="text-xs text-stone-600">At least {minLength} characters, and not a common one. Your other sessions end.</p>
      <button type="submit" disabled={pending} className="rounded border border-stone-400 px-4 py-2 disabled:opacity-60">
        Change password
      </button>
    </form>
  );
}

export function EmailAddressForm() {
  const [state, formAction, pending] = useActionState(changeEmailAction, {});
  return (
    <form action={formAction} aria-label="Change email address" className="max-w-xl space-y-4 text-sm">
      <FormMessage error={state.error} success={state.success} />
      <label className="block font-medium">
        New email address
        <input type="email" name="newEmail" autoComplete="email" required maxLength={254} className={fieldClass} />
      </label>
      <label className="block font-medium">
        Current password
        <input type="password" name="currentPassword" autoComplete="current-password" required className={fieldClass} />
      </label>
      <p className="text-xs text-stone-600">You sign in with the new address from now on. We tell both addresses about the change.</p>
      <button type="submit" disabled={pending} className="rounded border border-stone-400 px-4 py-2 disabled:opacity-60">
        Change email address
      </button>
    </form>
  );
}
