import Link from "next/link";
import { signOutAction } from "@/app/(desk)/desk/actions";
import { Avatar } from "@/components/ui/avatar";
import type { PlacedImage } from "@/db/queries/media";
import type { SessionUser } from "@/db/queries/users";
import { can } from "@/lib/policy";
import { ROLE_LABELS } from "@/lib/roles";

type Props = { user: SessionUser; avatar: PlacedImage | null; inReview: number | null; unread: number };

export function DeskHeader({ user, avatar, inReview, unread }: Props) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/desk" className="font-serif text-lg font-bold">
          Masthead
        </Link>
        <nav aria-label="Desk" className="flex gap-4 text-sm">
          <Link href="/desk">Desk</Link>
          <Link href="/desk/stories">Stories</Link>
          <Link href="/desk/media">Media</Link>
          <Link href="/desk/pages">Pages</Link>
          {inReview !== null && (
            <Link href="/desk/review">
              Review <span className="rounded-full bg-stone-200 px-2 text-xs tabular-nums">{inReview}</span>
            </Link>
          )}
          {inReview !== null && <Link href="/desk/calendar">Calendar</Link>}
          {can(user, "admin.manage") && (
            <>
              <Link href="/desk/admin/staff">Staff</Link>
              <Link href="/desk/admin/sections">Sections</Link>
              <Link href="/desk/admin/footer">Footer</Link>
              <Link href="/desk/admin/settings">Settings</Link>
              <Link href="/desk/admin/audit">Audit log</Link>
              <Link href="/desk/admin/email">Email</Link>
            </>
          )}
          <Link href="/">Public site</Link>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/desk/notifications" aria-label={`Notifications, ${unread} unread`} className="flex items-center gap-1">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
            {unread > 0 && <span className="rounded-full bg-red-700 px-2 text-xs font-semibold text-white tabular-nums">{unread}</span>}
          </Link>
          <Link href="/desk/profile" className="underline">
            Profile
          </Link>
          <Avatar image={avatar} size="small" />
          <span data-testid="signed-in-as">
            <span className="font-medium">{user.displayName}</span>{" "}
            <span className="rounded bg-stone-100 px-2 py-0.5 text-xs uppercase tracking-wide text-stone-700">
              {ROLE_LABELS[user.role]}
            </span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="text-stone-600 underline hover:text-stone-900">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
