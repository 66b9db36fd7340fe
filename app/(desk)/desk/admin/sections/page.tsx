import type { Metadata } from "next";
import { NewSectionForm, SectionRow } from "@/components/desk/section-admin";
import { listSectionsForAdmin } from "@/db/queries/sections";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Sections" };

export default async function SectionsPage() {
  await requirePermission("admin.manage");
  const sections = await listSectionsForAdmin();
  return (
    <section className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Sections</h1>
      <NewSectionForm />
      <ol aria-label="Sections">
        {sections.map((section, index) => (
          <SectionRow key={`${section.id}:${section.name}:${section.hidden}`} section={section} first={index === 0} last={index === sections.length - 1} />
        ))}
      </ol>
    </section>
  );
}
