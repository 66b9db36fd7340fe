import type { Metadata } from "next";
import Link from "next/link";
import { listDeskStories } from "@/db/queries/stories";
import { can } from "@/lib/policy";
import { pagePath } from "@/lib/public/urls";
import { requirePermission } from "@/lib/session";
import { STATUS_LABELS } from "@/lib/workflow/transitions";
import { createPageAction } from "./actions";

export const metadata: Metadata = { title: "Pages" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Standing pages (About, Ethics policy…): writers see theirs, the desk sees all. */
export default async function PagesPage() {
  const user = await requirePermission("desk.enter");
  const pages = await listDeskStories({ userId: user.id, everyone: can(user, "desk.overview") }, { kind: "page", sort: "headline" });
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Pages</h1>
        <form action={createPageAction}>
          <button type="submit" className="rounded bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700">
            New page
          </button>
        </form>
      </div>
      <p className="mt-2 text-sm text-stone-600">
        Standing pages live at their own address and in the footer of every public page once published.
        {can(user, "admin.manage") && (
          <>
            {" "}
            <Link href="/desk/admin/footer" className="underline">
              Order the footer
            </Link>
          </>
        )}
      </p>
      {pages.length === 0 ? (
        <p className="mt-8 text-stone-600">No pages yet.</p>
      ) : (
        <table className="mt-6 w-full text-left text-sm">
          <thead className="border-b border-stone-300 text-stone-600">
            <tr>
              <th className="py-2">Title</th>
              <th>Status</th>
              <th>Address</th>
              <th>Last edited (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => (
              <tr key={page.id} className="border-b border-stone-200">
                <td className="py-2">
                  <Link href={`/desk/stories/${page.id}/edit`} className="font-medium underline-offset-2 hover:underline">
                    {page.headline || "Untitled page"}
                  </Link>
                </td>
                <td>{STATUS_LABELS[page.status]}</td>
                <td className="font-mono">{page.slug ? pagePath(page.slug) : "—"}</td>
                <td>{dateFormat.format(page.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
