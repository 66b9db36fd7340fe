import type { Metadata } from "next";
import { SettingsForm } from "@/components/desk/settings-form";
import { getPublication } from "@/db/queries/publication";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("admin.manage");
  const { name, description, language, timezone } = await getPublication();
  const timezones = Intl.supportedValuesOf("timeZone");
  return (
    <section className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Settings</h1>
      <p className="text-sm text-stone-600">Dates are shown, and stories scheduled, in the publication’s timezone.</p>
      <SettingsForm current={{ name, description, language, timezone }} timezones={timezones.includes("UTC") ? timezones : ["UTC", ...timezones]} />
    </section>
  );
}
