import "server-only";
import { eq, inArray, lt, lte, sql } from "drizzle-orm";
import { db } from "../client";
import { cachePurges } from "../schema";

export type QueuedPurge = typeof cachePurges.$inferSelect;

export async function queuePurge(tags: string[], dueAt: Date): Promise<void> {
  await db().insert(cachePurges).values({ tags, dueAt });
}

/**
 * Takes up to `limit` purges due at `now` for one worker, each for `claimMs` (SKIP LOCKED: two
 * instances never take the same one; a worker that dies lets its claim lapse).
 */
export async function claimDuePurges(now: Date, limit: number, claimMs: number): Promise<QueuedPurge[]> {
  return db().transaction(async (tx) => {
    const due = await tx
      .select({ id: cachePurges.id })
      .from(cachePurges)
      .where(lte(cachePurges.dueAt, now))
      .orderBy(cachePurges.dueAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(cachePurges)
      .set({ attempts: sql`${cachePurges.attempts} + 1`, dueAt: new Date(now.getTime() + claimMs) })
      .where(inArray(cachePurges.id, due.map((row) => row.id)))
      .returning();
  });
}

export async function forgetPurge(id: string): Promise<void> {
  await db().delete(cachePurges).where(eq(cachePurges.id, id));
}

export async function retryPurgeAt(id: string, dueAt: Date): Promise<void> {
  await db().update(cachePurges).set({ dueAt }).where(eq(cachePurges.id, id));
}

/** Purges queued before `cutoff`; the number dropped. */
export async function dropPurgesQueuedBefore(cutoff: Date): Promise<number> {
  const dropped = await db().delete(cachePurges).where(lt(cachePurges.createdAt, cutoff)).returning({ id: cachePurges.id });
  return dropped.length;
}
