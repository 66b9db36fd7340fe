import type { Metadata } from "next";
import { DeskHeader } from "@/components/desk/desk-header";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { countInReview } from "@/db/queries/review-queue";
import { can } from "@/lib/policy";
import { requireUser } from "@/lib/session";

export const metadata: Metadata = { title: "Desk", robots: { index: false, follow: false } };

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <DeskHeader
        user={user}
        inReview={can(user, "desk.overview") ? await countInReview() : null}
        unread={await countUnreadNotifications(user.id)}
      />
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
