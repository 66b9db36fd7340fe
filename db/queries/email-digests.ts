import "server-only";
import { and, asc, eq, gt, inArray, lte, max, ne, sql } from "drizzle-orm";
import { db, type Transaction } from "../client";
import { emailDigests, emailPreferences, notifications, stories, users } from "../schema";

/** Active people whose digest hour it is, who get any kind as a digest, and whose digest for `day` is not done. */
export async function digestCandidates(hour: number, day: string) {
  return db()
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        eq(users.digestHour, hour),
        sql`EXISTS (SELECT 1 FROM ${emailPreferences} WHERE ${emailPreferences.userId} = ${users.id} AND ${emailPreferences.mode} = 'digest')`,
        sql`NOT EXISTS (SELECT 1 FROM ${emailDigests} WHERE ${emailDigests.userId} = ${users.id} AND ${emailDigests.day} = ${day})`,
      ),
    );
}

/**
 * Claims the person's digest for the day; the primary key lets exactly one instance win. Returns
 * where the previous digest stopped (null for a first digest), or undefined if someone else won.
 */
export async function claimDigest(tx: Transaction, userId: string, day: string, until: Date): Promise<{ since: Date | null } | undefined> {
  const claimed = await tx
    .insert(emailDigests)
    .values({ userId, day, coversUntil: until })
    .onConflictDoNothing()
    .returning({ userId: emailDigests.userId });
  if (claimed.length === 0) return undefined;
  const [previous] = await tx
    .select({ since: max(emailDigests.coversUntil) })
    .from(emailDigests)
    .where(and(eq(emailDigests.userId, userId), ne(emailDigests.day, day)));
  return { since: previous?.since ?? null };
}

export async function digestModeKinds(tx: Transaction, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ kind: emailPreferences.kind })
    .from(emailPreferences)
    .where(and(eq(emailPreferences.userId, userId), eq(emailPreferences.mode, "digest")));
  return rows.map((row) => row.kind);
}

/** The person's bell notifications of the given kinds in (since, until], oldest first. */
export async function notificationsBetween(tx: Transaction, userId: string, kinds: string[], since: Date, until: Date) {
  if (kinds.length === 0) return [];
  return tx
    .select({
      kind: notifications.kind,
      storyId: notifications.storyId,
      headline: stories.headline,
      actorName: sql<string | null>`(SELECT display_name FROM users WHERE users.id = ${notifications.actorId})`,
      note: notifications.note,
    })
    .from(notifications)
    .innerJoin(stories, eq(stories.id, notifications.storyId))
    .where(and(eq(notifications.userId, userId), inArray(notifications.kind, kinds), gt(notifications.createdAt, since), lte(notifications.createdAt, until)))
    .orderBy(asc(notifications.createdAt));
}
