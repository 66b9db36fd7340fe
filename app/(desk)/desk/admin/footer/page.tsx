import type { Metadata } from "next";
import Link from "next/link";
import { FooterPageRow } from "@/components/desk/footer-admin";
import { listFooterPages } from "@/db/queries/pages";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Footer" };

export default async function FooterPage() {
  await requirePermission("admin.manage");
  const pages = await listFooterPages();
  return (
    <section className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Footer</h1>
      <p className="text-sm text-stone-600">
        Published pages appear in this order in the footer of every public page, before Corrections and the RSS feed. Write and
        publish pages under <Link href="/desk/pages" className="underline">Pages</Link>.
      </p>
      {pages.length === 0 ? (
        <p className="text-stone-600">No page is published yet.</p>
      ) : (
        <ol aria-label="Footer pages">
          {pages.map((page, index) => (
            <FooterPageRow key={page.id} page={page} first={index === 0} last={index === pages.length - 1} />
          ))}
        </ol>
      )}
    </section>
  );
}
