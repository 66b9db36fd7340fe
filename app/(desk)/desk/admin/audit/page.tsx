import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect, filterFieldClass } from "@/components/desk/filter-select";
import { listAudit, listAuditActions } from "@/db/queries/audit";
import { listStaff } from "@/db/queries/users";
import { isDay } from "@/lib/calendar-days";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Audit log" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const MAX_PAGE = 10_000;

export default async function AuditPage({ searchParams }: PageProps<"/desk/admin/audit">) {
  await requirePermission("admin.manage");
  const query = await searchParams;
  const [staff, actions] = await Promise.all([listStaff(), listAuditActions()]);
  const actorId = staff.find((person) => person.id === query.person)?.id;
  const action = actions.find((candidate) => candidate === query.action);
  const from = isDay(query.from) ? query.from : undefined;
  const to = isDay(query.to) ? query.to : undefined;
  const requested = Number(query.page);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= MAX_PAGE ? requested : 1;
  const { entries, hasMore } = await listAudit({
    actorId,
    action,
    from: from ? new Date(`${from}T00:00:00Z`) : undefined,
    // Through the end of the chosen day.
    to: to ? new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
    page,
  });
  const pageLink = (target: number) => {
    const params = new URLSearchParams({ ...(actorId && { person: actorId }), ...(action && { action }), ...(from && { from }), ...(to && { to }), page: String(target) });
    return `/desk/admin/audit?${params}`;
  };

  return (
    <section className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Audit log</h1>
      <form method="get" role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3 text-sm">
        <FilterSelect label="Person" name="person" value={actorId} anyLabel="Anyone" options={staff.map((person) => ({ value: person.id, label: person.displayName }))} />
        <FilterSelect label="Action" name="action" value={action} anyLabel="Any" options={actions.map((candidate) => ({ value: candidate, label: candidate }))} />
        <label className="font-medium">
          From (UTC)
          <input type="date" name="from" defaultValue={from} className={filterFieldClass} />
        </label>
        <label className="font-medium">
          To (UTC)
          <input type="date" name="to" defaultValue={to} className={filterFieldClass} />
        </label>
        <button type="submit" className="rounded border border-stone-400 px-3 py-1">
          Filter
        </button>
      </form>
      {entries.length === 0 ? (
        <p className="text-stone-600">Nothing recorded that matches.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-300 text-stone-600">
            <tr>
              <th className="py-2">When (UTC)</th>
              <th>Who</th>
              <th>Action</th>
              <th>What</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className="border-b border-stone-200 align-top">
                <td className="py-2 whitespace-nowrap">{timeFormat.format(entry.createdAt)}</td>
                <td>{entry.actorName ?? (entry.action.startsWith("story.scheduled") ? "The scheduler" : "—")}</td>
                <td className="font-mono text-xs">{entry.action}</td>
                <td>
                  {entry.targetType === "story" && entry.targetId ? (
                    <Link href={`/desk/stories/${entry.targetId}/edit`} className="underline">
                      story
                    </Link>
                  ) : (
                    [entry.targetType, entry.targetId].filter(Boolean).join(" ")
                  )}
                </td>
                <td className="text-stone-700">
                  {entry.fromStatus && entry.toStatus && `${entry.fromStatus} → ${entry.toStatus}`}
                  {entry.note && <span className="block whitespace-pre-line">“{entry.note}”</span>}
                  {entry.ip && <span className="block text-xs text-stone-500">from {entry.ip}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Audit log pages" className="flex gap-4 text-sm">
        {page > 1 && <Link href={pageLink(page - 1)}>Newer entries</Link>}
        {hasMore && <Link href={pageLink(page + 1)}>Older entries</Link>}
      </nav>
    </section>
  );
}
