import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { type EmailKind, modesWithDefaults } from "@/lib/email/kinds";
import { db, type Transaction } from "../client";
import { type EmailMode, emailPreferences, users } from "../schema";

export async function loadEmailPreferences(userId: string) {
  const [person] = await db().select({ digestHour: users.digestHour }).from(users).where(eq(users.id, userId));
  const chosen = await db().select({ kind: emailPreferences.kind, mode: emailPreferences.mode }).from(emailPreferences).where(eq(emailPreferences.userId, userId));
  return { modes: modesWithDefaults(chosen), digestHour: person?.digestHour ?? 8 };
}

export async function saveEmailPreferences(userId: string, modes: Record<EmailKind, EmailMode>, digestHour: number): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.update(users).set({ digestHour, updatedAt: new Date() }).where(eq(users.id, userId));
    for (const [kind, mode] of Object.entries(modes)) await setEmailMode(tx, userId, kind as EmailKind, mode);
  });
}

async function setEmailMode(tx: Transaction, userId: string, kind: EmailKind, mode: EmailMode) {
  await tx
    .insert(emailPreferences)
    .values({ userId, kind, mode })
    .onConflictDoUpdate({ target: [emailPreferences.userId, emailPreferences.kind], set: { mode } });
}

/** One-click unsubscribe: that kind off for that person, nothing else. False if they are gone. */
export async function turnOffEmailKind(userId: string, kind: EmailKind): Promise<boolean> {
  const [person] = await db().select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!person) return false;
  await setEmailMode(db(), userId, kind, "off");
  return true;
}

/** Active people among `userIds`, with their address and their mode for `kind`. */
export async function recipientsWithMode(tx: Transaction, userIds: readonly string[], kind: EmailKind) {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ id: users.id, email: users.email, mode: emailPreferences.mode })
    .from(users)
    .leftJoin(emailPreferences, and(eq(emailPreferences.userId, users.id), eq(emailPreferences.kind, kind)))
    .where(and(inArray(users.id, [...userIds]), eq(users.active, true)));
  return rows.map((row) => ({ id: row.id, email: row.email, mode: modesWithDefaults(row.mode ? [{ kind, mode: row.mode }] : [])[kind] }));
}
