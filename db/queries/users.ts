import "server-only";
import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { emailChangedNewAddressEmail, emailChangedOldAddressEmail, passwordChangedEmail } from "@/lib/email/messages";
import { queueEmails } from "@/lib/email/queue";
import { formatInZone } from "@/lib/time-zone";
import { type Transaction, db } from "../client";
import { type Role, auditLog, media, passwordResets, publication, users } from "../schema";
import { placedImage } from "./media";

export type SessionUser = { id: string; email: string; displayName: string; role: Role; sessionVersion: number };

const sessionColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  sessionVersion: users.sessionVersion,
};

export async function findUserForSignIn(email: string) {
  const [user] = await db()
    .select({ ...sessionColumns, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email));
  return user;
}

/** The signed-in person as the database sees them now: gone if deactivated or signed out everywhere. */
export async function findSessionUser(id: string, sessionVersion: number): Promise<SessionUser | undefined> {
  const [user] = await db()
    .select(sessionColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true), eq(users.sessionVersion, sessionVersion)));
  return user;
}

export async function recordSignIn(id: string): Promise<void> {
  await db().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
}

export async function hasAnyUser(): Promise<boolean> {
  const [row] = await db().select({ n: count() }).from(users);
  return row.n > 0;
}

type NewAdmin = { email: string; displayName: string; slug: string; passwordHash: string };

/** Creates the first admin, or nothing if someone got there first: the table lock makes it one winner. */
export async function createFirstAdmin(admin: NewAdmin): Promise<SessionUser | undefined> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE ${users} IN EXCLUSIVE MODE`);
    const [existing] = await tx.select({ n: count() }).from(users);
    if (existing.n > 0) return undefined;
    const [created] = await tx
      .insert(users)
      .values({ ...admin, role: "admin" })
      .returning(sessionColumns);
    return created;
  });
}

/** People who may appear as a byline: active staff, by name. */
export async function listBylineCandidates() {
  return db()
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.displayName));
}

export async function allActiveStaff(ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const [row] = await db()
    .select({ n: count() })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.active, true)));
  return row.n === new Set(ids).size;
}

export async function listStaff() {
  const rows = await db()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      lastSignInAt: users.lastSignInAt,
      avatarId: users.avatarMediaId,
      avatarWidth: media.width,
      avatarHeight: media.height,
    })
    .from(users)
    .leftJoin(media, eq(users.avatarMediaId, media.id))
    .orderBy(asc(users.displayName));
  return rows.map(({ avatarId, avatarWidth, avatarHeight, ...person }) => ({ ...person, avatar: placedImage(avatarId, avatarWidth, avatarHeight) }));
}

export class LastAdminError extends Error {
  constructor() {
    super("This is the last active admin. Make someone else an admin first.");
  }
}

/** Holds every active admin row, so two admins demoting each other cannot leave nobody in charge. */
export async function ensureAnotherActiveAdmin(tx: Transaction, userId: string): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM ${users} WHERE ${users.role} = 'admin' AND ${users.active} FOR UPDATE`);
  const [others] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId)));
  if (others.n === 0) throw new LastAdminError();
}

/** Deactivating also ends every open session; the last active admin cannot be deactivated. */
export async function setUserActive(id: string, active: boolean) {
  return db().transaction(async (tx) => {
    const [target] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, id));
    if (!target) return undefined;
    if (!active && target.role === "admin" && target.active) await ensureAnotherActiveAdmin(tx, id);
    const [updated] = await tx
      .update(users)
      .set({
        active,
        updatedAt: new Date(),
        ...(active ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }),
      })
      .where(eq(users.id, id))
      .returning({ id: users.id, email: users.email, active: users.active });
    return updated;
  });
}

export async function getProfile(id: string) {
  const [row] = await db()
    .select({
      displayName: users.displayName,
      slug: users.slug,
      bio: users.bio,
      email: users.email,
      avatarId: users.avatarMediaId,
      avatarWidth: media.width,
      avatarHeight: media.height,
    })
    .from(users)
    .leftJoin(media, eq(users.avatarMediaId, media.id))
    .where(eq(users.id, id));
  if (!row) return undefined;
  const { avatarId, avatarWidth, avatarHeight, ...profile } = row;
  return { ...profile, avatar: placedImage(avatarId, avatarWidth, avatarHeight) };
}

/** For the desk header, beside the person's name. */
export async function avatarOf(id: string) {
  const [row] = await db()
    .select({ id: media.id, width: media.width, height: media.height })
    .from(users)
    .innerJoin(media, eq(users.avatarMediaId, media.id))
    .where(eq(users.id, id));
  return row ?? null;
}

export type ProfileChange = {
  displayName: string;
  slug: string;
  bio: string;
  /** Undefined keeps the current avatar, null removes it. */
  avatarMediaId?: string | null;
};

/** Name, author address, bio and avatar show on author pages: the public version moves with them. */
export async function updateProfile(id: string, profile: ProfileChange): Promise<"saved" | "slug-taken"> {
  return db().transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.slug, profile.slug), ne(users.id, id)));
    if (taken) return "slug-taken";
    await tx.update(users).set({ ...profile, updatedAt: new Date() }).where(eq(users.id, id));
    await tx.update(publication).set({ publicVersion: sql`${publication.publicVersion} + 1` });
    return "saved";
  });
}

export async function passwordHashOf(id: string): Promise<string | undefined> {
  const [row] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.passwordHash;
}

/** Ends every other session (the caller signs this one in again) and tells the person by email, in one transaction. */
export async function changePassword(id: string, passwordHash: string): Promise<void> {
  await db().transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ email: users.email });
    if (changed) await queueEmails(tx, [{ kind: "password_changed", to: changed.email, content: passwordChangedEmail() }]);
  });
}

export type EmailChange = "changed" | "unchanged" | "taken";

/** The unique index refused the address: another account took it between our check and our write. */
function isEmailTakenError(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { constraint?: string }).constraint === "users_email_unique") return true;
  }
  return false;
}

/**
 * `newEmail` already lowercased, as every stored address is. Both addresses are told in the same
 * transaction, and reset links sent to the old address stop working. Sessions carry the person's
 * id, not their address, so every session (this one too) carries on.
 */
export async function changeEmail(id: string, newEmail: string): Promise<EmailChange> {
  try {
    return await db().transaction(async (tx) => {
      const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, id)).for("update");
      if (!person) throw new Error(`No person ${id} to change the email address of`);
      if (person.email === newEmail) return "unchanged";
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, newEmail));
      if (taken) return "taken";
      await tx.update(users).set({ email: newEmail, updatedAt: new Date() }).where(eq(users.id, id));
      await tx.delete(passwordResets).where(and(eq(passwordResets.userId, id), isNull(passwordResets.usedAt)));
      await tx.insert(auditLog).values({ actorId: id, action: "email_changed", targetType: "user", targetId: id, metadata: { from: person.email, to: newEmail } });
      const [settings] = await tx.select({ timezone: publication.timezone }).from(publication).where(eq(publication.id, 1));
      const when = formatInZone(new Date(), settings?.timezone ?? "UTC");
      await queueEmails(tx, [
        { kind: "email_changed", to: person.email, content: emailChangedOldAddressEmail(newEmail, when) },
        { kind: "email_changed", to: newEmail, content: emailChangedNewAddressEmail(person.email, when) },
      ]);
      return "changed";
    });
  } catch (error) {
    if (isEmailTakenError(error)) return "taken";
    throw error;
  }
}
