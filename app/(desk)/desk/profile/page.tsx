import type { Metadata } from "next";
import { EmailPreferencesForm } from "@/components/desk/email-preferences-form";
import { EmailAddressForm, PasswordForm, ProfileForm } from "@/components/desk/profile-forms";
import { loadEmailPreferences } from "@/db/queries/email-preferences";
import { getPublication } from "@/db/queries/publication";
import { getProfile } from "@/db/queries/users";
import { smallSrc } from "@/lib/media/file-names";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: PageProps<"/desk/profile">) {
  const user = await requirePermission("profile.edit");
  const [found, email, { timezone }] = await Promise.all([getProfile(user.id), loadEmailPreferences(user.id), getPublication()]);
  const { avatar, ...profile } = found!;
  const { notice } = await searchParams;
  return (
    <section className="space-y-8">
      <h1 className="font-serif text-3xl font-bold">Your profile</h1>
      {notice === "password-changed" && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          Password changed. Your other sessions have ended.
        </p>
      )}
      <p className="text-sm text-stone-600">Signed in as {profile.email}.</p>
      <ProfileForm profile={{ ...profile, avatar: avatar && { id: avatar.id, src: smallSrc(avatar.id, avatar.width) } }} />
      <h2 className="text-xl font-semibold">Email address</h2>
      <EmailAddressForm />
      <h2 className="text-xl font-semibold">Password</h2>
      <PasswordForm minLength={MIN_PASSWORD_LENGTH} />
      <h2 className="text-xl font-semibold">Email notifications</h2>
      <EmailPreferencesForm modes={email.modes} digestHour={email.digestHour} timeZone={timezone} />
    </section>
  );
}
