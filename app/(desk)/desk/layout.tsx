import type { Metadata } from "next";
import { DeskHeader } from "@/components/desk/desk-header";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { countInReview } from "@/db/queries/review-queue";
import { avatarOf } from "@/db/queries/users";
import { can } from "@/lib/policy";
import { requireUser } from "@/lib/session";

export const metadata: Metadata = { title: "Desk", robots: { index: false, follow: false } };

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [inReview, unread, avatar] = await Promise.all([
    can(user, "desk.overview") ? countInReview() : null,
    countUnreadNotifications(user.id),
    avatarOf(user.id),
  ]);
  return (
    <>
      <DeskHeader user={user} avatar={avatar} inReview={inReview} unread={unread} />
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
