import "server-only";
import { and, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { db, type Transaction } from "../client";
import { type EmailStatus, emailOutbox, publication } from "../schema";

export type NewEmail = typeof emailOutbox.$inferInsert;
export type OutboxMessage = typeof emailOutbox.$inferSelect;

export async function insertEmails(tx: Transaction, messages: NewEmail[]): Promise<void> {
  if (messages.length > 0) await tx.insert(emailOutbox).values(messages);
}

export async function publicationName(tx: Transaction): Promise<string> {
  const [row] = await tx.select({ name: publication.name }).from(publication).where(eq(publication.id, 1));
  return row?.name ?? "Masthead";
}

/**
 * Takes up to `limit` due messages for one worker: queued ones whose time has come, and ones a
 * worker claimed but never finished (it died) once the claim lapsed. SKIP LOCKED and the claim
 * committed before sending mean two workers never take the same message, and no transaction stays
 * open while an SMTP server is being talked to.
 */
export async function claimDueEmails(now: Date, limit: number, claimMs: number): Promise<OutboxMessage[]> {
  return db().transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.status, ["queued", "sending"]), lte(emailOutbox.dueAt, now)))
      .orderBy(emailOutbox.dueAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ status: "sending", attempts: sql`${emailOutbox.attempts} + 1`, dueAt: new Date(now.getTime() + claimMs) })
      .where(inArray(emailOutbox.id, due.map((row) => row.id)))
      .returning();
  });
}

/**
 * A sent message keeps who, what and when, not its body: reset and invitation links are stored
 * only as hashes everywhere else, and a delivered one has no reason to stay readable here.
 */
export async function markEmailSent(id: string, at: Date): Promise<void> {
  await db().update(emailOutbox).set({ status: "sent", sentAt: at, lastError: null, text: "", html: "" }).where(eq(emailOutbox.id, id));
}

/** Back in the queue for a later attempt, or failed for good: an admin can retry it. */
export async function markEmailUndelivered(id: string, error: string, retryAt: Date | null): Promise<void> {
  await db()
    .update(emailOutbox)
    .set(retryAt ? { status: "queued", dueAt: retryAt, lastError: error } : { status: "failed", lastError: error })
    .where(eq(emailOutbox.id, id));
}

/** A failed message goes back in the queue with a fresh set of attempts. */
export async function retryFailedEmail(id: string): Promise<boolean> {
  const updated = await db()
    .update(emailOutbox)
    .set({ status: "queued", attempts: 0, dueAt: new Date() })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed")))
    .returning({ id: emailOutbox.id });
  return updated.length === 1;
}

export const OUTBOX_PAGE_SIZE = 100;

export async function listOutbox(status: EmailStatus | undefined) {
  return db()
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      recipient: emailOutbox.recipient,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(status ? eq(emailOutbox.status, status) : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(OUTBOX_PAGE_SIZE);
}

export async function countOutboxByStatus(): Promise<Record<EmailStatus, number>> {
  const rows = await db().select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status);
  const counts: Record<EmailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
