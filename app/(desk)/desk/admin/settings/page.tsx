import type { Metadata } from "next";
import { SettingsForm } from "@/components/desk/settings-form";
import type { PlacedImage } from "@/db/queries/media";
import { readPublicState } from "@/db/queries/public-publication";
import { displaySrc } from "@/lib/media/file-names";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Settings" };

const preview = (image: PlacedImage | null) => image && { id: image.id, src: displaySrc(image.id, image.width) };

export default async function SettingsPage() {
  await requirePermission("admin.manage");
  const { name, description, language, timezone, logo, socialImage } = await readPublicState();
  const timezones = Intl.supportedValuesOf("timeZone");
  return (
    <section className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Settings</h1>
      <p className="text-sm text-stone-600">Dates are shown, and stories scheduled, in the publication’s timezone.</p>
      <SettingsForm
        current={{ name, description, language, timezone, logo: preview(logo), socialImage: preview(socialImage) }}
        timezones={timezones.includes("UTC") ? timezones : ["UTC", ...timezones]}
      />
    </section>
  );
}
