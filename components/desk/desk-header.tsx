import Link from "next/link";
import { signOutAction } from "@/app/(desk)/desk/actions";
import type { SessionUser } from "@/db/queries/users";
import { can } from "@/lib/policy";
import { ROLE_LABELS } from "@/lib/roles";

export function DeskHeader({ user, inReview }: { user: SessionUser; inReview: number | null }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/desk" className="font-serif text-lg font-bold">
          Masthead
        </Link>
        <nav aria-label="Desk" className="flex gap-4 text-sm">
          <Link href="/desk">Desk</Link>
          <Link href="/desk/stories">Stories</Link>
          {inReview !== null && (
            <Link href="/desk/review">
              Review <span className="rounded-full bg-stone-200 px-2 text-xs tabular-nums">{inReview}</span>
            </Link>
          )}
          {can(user, "admin.manage") && <Link href="/desk/admin/staff">Staff</Link>}
          <Link href="/">Public site</Link>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
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
