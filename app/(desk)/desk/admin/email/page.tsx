import type { Metadata } from "next";
import Link from "next/link";
import { EmailRetryButton } from "@/components/desk/email-retry-button";
import { countOutboxByStatus, listOutbox, OUTBOX_PAGE_SIZE } from "@/db/queries/email-outbox";
import { EMAIL_STATUSES, type EmailStatus } from "@/db/schema";
import { smtpUrl } from "@/lib/email/config";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Email" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function EmailPage({ searchParams }: PageProps<"/desk/admin/email">) {
  await requirePermission("admin.manage");
  const { status: asked } = await searchParams;
  const status = EMAIL_STATUSES.find((candidate) => candidate === asked);
  const sending = smtpUrl() !== undefined;
  const [counts, messages] = await Promise.all([countOutboxByStatus(), listOutbox(status)]);
  const statusLabel = (value: EmailStatus) => (value === "queued" && !sending ? "held" : value);

  return (
    <section className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Email</h1>
      {!sending && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          SMTP_URL is not set, so nothing is sent: messages are held here to show what would have gone out. Links
          (invitations, password resets) are shown in the desk as before.
        </p>
      )}
      <nav aria-label="Filter by status" className="flex flex-wrap gap-3 text-sm">
        <Link href="/desk/admin/email" aria-current={status ? undefined : "page"} className={status ? "underline" : "font-semibold"}>
          All
        </Link>
        {EMAIL_STATUSES.map((value) => (
          <Link
            key={value}
            href={`/desk/admin/email?status=${value}`}
            aria-current={status === value ? "page" : undefined}
            className={status === value ? "font-semibold" : "underline"}
          >
            {statusLabel(value)} ({counts[value]})
          </Link>
        ))}
      </nav>
      {messages.length === 0 ? (
        <p className="text-stone-600">No emails{status ? ` ${statusLabel(status)}` : ""}.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Emails">
          <thead className="border-b border-stone-300 text-stone-600">
            <tr>
              <th className="py-2">Queued (UTC)</th>
              <th>To</th>
              <th>Subject</th>
              <th>Status</th>
              <th>Tries</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} className="border-b border-stone-100 align-top">
                <td className="py-2 tabular-nums">{timeFormat.format(message.createdAt)}</td>
                <td>{message.recipient}</td>
                <td>
                  {message.subject}
                  <span className="block text-xs text-stone-500">{message.kind}</span>
                </td>
                <td>
                  {statusLabel(message.status)}
                  {message.lastError && message.status !== "sent" && <span className="block text-xs text-red-800">{message.lastError}</span>}
                </td>
                <td className="tabular-nums">{message.attempts}</td>
                <td>{message.status === "failed" && <EmailRetryButton emailId={message.id} subject={message.subject} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {messages.length === OUTBOX_PAGE_SIZE && <p className="text-sm text-stone-600">The newest {OUTBOX_PAGE_SIZE} are shown.</p>}
    </section>
  );
}
