import type { Metadata } from "next";
import Link from "next/link";
import { listNotifications } from "@/db/queries/notifications";
import { getPublication } from "@/db/queries/publication";
import { requireUser } from "@/lib/session";
import { formatInZone } from "@/lib/time-zone";
import { NOTIFICATION_TEXT } from "@/lib/workflow/notification-text";
import { markNotificationsReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const [items, { timezone }] = await Promise.all([listNotifications(user.id), getPublication()]);
  const unread = items.some((item) => !item.readAt);
  return (
    <section className="space-y-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Notifications</h1>
        {unread && (
          <form action={markNotificationsReadAction}>
            <button type="submit" className="rounded border border-stone-400 px-3 py-1 text-sm">
              Mark all as read
            </button>
          </form>
        )}
      </div>
      {items.length === 0 ? (
        <p>Nothing yet. You will hear here when a story of yours moves.</p>
      ) : (
        <ul aria-label="Notifications" className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {items.map((item) => (
            <li key={item.id} className={`px-4 py-3 text-sm ${item.readAt ? "" : "bg-amber-50"}`}>
              <p>
                {!item.readAt && <span className="sr-only">Unread: </span>}
                {item.actorName ?? "The scheduler"} {NOTIFICATION_TEXT[item.kind] ?? item.kind}{" "}
                {item.storyId ? (
                  <Link href={`/desk/stories/${item.storyId}/edit`} className="font-medium underline">
                    {item.headline || "Untitled story"}
                  </Link>
                ) : (
                  "a story that no longer exists"
                )}
              </p>
              {item.note && <p className="mt-1 whitespace-pre-line text-stone-700">“{item.note}”</p>}
              <p className="mt-1 text-stone-600">
                <time dateTime={item.createdAt.toISOString()}>{formatInZone(item.createdAt, timezone)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
