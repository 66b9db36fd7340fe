import "server-only";
import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { invitationEmail, passwordChangedEmail, passwordResetEmail, roleChangedEmail } from "@/lib/email/messages";
import { queueEmails } from "@/lib/email/queue";
import { looksLikeToken, newToken, tokenHash } from "@/lib/one-time-token";
import { slugify } from "@/lib/slug";
import { type Transaction, db } from "../client";
import { type Role, auditLog, passwordResets, staffInvites, users } from "../schema";
import { ensureAnotherActiveAdmin } from "./users";

const DAY_MS = 86_400_000;
export const INVITE_DAYS = 7;
export const RESET_HOURS = 24;
/** A reset link someone asks for themselves travels by email, so it lives shorter. */
export const SELF_SERVICE_RESET_HOURS = 1;

/**
 * A new invitation replaces any open one for the same address (the earlier link stops working)
 * and is emailed to the invitee in the same transaction.
 */
export async function createInvite(email: string, role: Role, createdBy: string) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITE_DAYS * DAY_MS);
  await db().transaction(async (tx) => {
    await tx.delete(staffInvites).where(and(eq(staffInvites.email, email), isNull(staffInvites.acceptedAt)));
    await tx.insert(staffInvites).values({ email, role, tokenHash: tokenHash(token), createdBy, expiresAt });
    const [inviter] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, createdBy));
    await queueEmails(tx, [{ kind: "invitation", to: email, content: invitationEmail(role, inviter?.name ?? "An admin", token) }]);
  });
  return { token, expiresAt };
}

export async function listOpenInvites() {
  return db()
    .select({ id: staffInvites.id, email: staffInvites.email, role: staffInvites.role, expiresAt: staffInvites.expiresAt })
    .from(staffInvites)
    .where(and(isNull(staffInvites.acceptedAt), gt(staffInvites.expiresAt, new Date())))
    .orderBy(desc(staffInvites.createdAt));
}

/** The invite a token stands for while it can still be used. */
export async function findOpenInvite(token: string) {
  if (!looksLikeToken(token)) return undefined;
  const [invite] = await db()
    .select({ id: staffInvites.id, email: staffInvites.email, role: staffInvites.role })
    .from(staffInvites)
    .where(and(eq(staffInvites.tokenHash, tokenHash(token)), isNull(staffInvites.acceptedAt), gt(staffInvites.expiresAt, new Date())));
  return invite;
}

export type AcceptResult = { kind: "joined"; email: string; userId: string } | { kind: "gone" } | { kind: "email-taken" };

/** Uses the invite up in the same transaction that creates the person: it works exactly once. */
export async function acceptInvite(token: string, displayName: string, passwordHash: string): Promise<AcceptResult> {
  if (!looksLikeToken(token)) return { kind: "gone" };
  return db().transaction(async (tx) => {
    const [invite] = await tx
      .update(staffInvites)
      .set({ acceptedAt: new Date() })
      .where(and(eq(staffInvites.tokenHash, tokenHash(token)), isNull(staffInvites.acceptedAt), gt(staffInvites.expiresAt, new Date())))
      .returning();
    if (!invite) return { kind: "gone" };
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invite.email));
    if (taken) return { kind: "email-taken" };
    const base = slugify(displayName);
    const [{ n }] = await tx.select({ n: count() }).from(users).where(sql`${users.slug} = ${base} OR ${users.slug} LIKE ${`${base}-%`}`);
    const [user] = await tx
      .insert(users)
      .values({ email: invite.email, displayName, slug: n === 0 ? base : `${base}-${n + 1}`, role: invite.role, passwordHash })
      .returning({ id: users.id });
    await tx.insert(auditLog).values({ actorId: user.id, action: "invite_accepted", targetType: "user", targetId: user.id, metadata: { role: invite.role } });
    return { kind: "joined", email: invite.email, userId: user.id };
  });
}

/** A role change shows on the person's very next request: sessions re-read the role every time. */
export async function setUserRole(userId: string, role: Role) {
  return db().transaction(async (tx) => {
    const [target] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId));
    if (!target) return undefined;
    if (target.role === "admin" && role !== "admin" && target.active) await ensureAnotherActiveAdmin(tx, userId);
    const [updated] = await tx
      .update(users)
      .set({ role, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id, email: users.email, from: sql<Role>`${target.role}::text` });
    if (target.role !== role) await queueEmails(tx, [{ kind: "role_changed", to: updated.email, content: roleChangedEmail(target.role, role) }]);
    return updated;
  });
}

/** Every session of this person ends on its next request (they carry the old session version). */
export async function endAllSessions(userId: string): Promise<boolean> {
  const updated = await db()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return updated.length === 1;
}

/** A newer link voids every older one: only the latest reset link of a person works. */
async function replaceResetLink(tx: Transaction, userId: string, createdBy: string | null, hours: number) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await tx.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  await tx.insert(passwordResets).values({ userId, tokenHash: tokenHash(token), createdBy, expiresAt });
  return { token, expiresAt };
}

export async function createPasswordReset(userId: string, createdBy: string) {
  return db().transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!person) return undefined;
    return replaceResetLink(tx, userId, createdBy, RESET_HOURS);
  });
}

/**
 * "Forgot password?": an active account gets a one-hour link by email; anyone else, nothing.
 * The caller answers the same either way, so the result is only for the audit log.
 */
export async function requestPasswordReset(email: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, email), eq(users.active, true)));
    if (!person) return false;
    const { token } = await replaceResetLink(tx, person.id, null, SELF_SERVICE_RESET_HOURS);
    await queueEmails(tx, [{ kind: "password_reset", to: email, content: passwordResetEmail(token) }]);
    await tx.insert(auditLog).values({ actorId: person.id, action: "password_reset_requested", targetType: "user", targetId: person.id });
    return true;
  });
}

export async function findOpenReset(token: string) {
  if (!looksLikeToken(token)) return undefined;
  const [reset] = await db()
    .select({ id: passwordResets.id, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, tokenHash(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())));
  return reset;
}

/** Sets the password once per link and ends every open session, the way a reset should. */
export async function usePasswordReset(token: string, passwordHash: string): Promise<{ email: string } | undefined> {
  if (!looksLikeToken(token)) return undefined;
  return db().transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, tokenHash(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!reset) return undefined;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, reset.userId))
      .returning({ email: users.email });
    await tx.insert(auditLog).values({ actorId: reset.userId, action: "password_reset_used", targetType: "user", targetId: reset.userId });
    await queueEmails(tx, [{ kind: "password_changed", to: user.email, content: passwordChangedEmail() }]);
    return user;
  });
}
