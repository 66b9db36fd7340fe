import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { findSessionUser, type SessionUser } from "@/db/queries/users";
import { type GeneralAction, can } from "./policy";

/**
 * The signed-in person, re-read from the database on every request: a JWT alone cannot be
 * revoked, so deactivation, a role change or "sign out everywhere" must show here.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return (await findSessionUser(session.user.id, session.sessionVersion)) ?? null;
});

export const SESSION_ENDED_PATH = "/login?notice=session-ended";

/** For desk pages: the signed-in person, or off to sign in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(SESSION_ENDED_PATH);
  return user;
}

/** For desk pages that need a permission beyond being staff; others get a 404, no hint it exists. */
export async function requirePermission(action: GeneralAction): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action)) {
    notFound();
  }
  return user;
}
