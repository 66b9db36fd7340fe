import "server-only";
import type { Transaction } from "@/db/client";
import { insertEmails, publicationName } from "@/db/queries/email-outbox";
import { type EmailContent, composeEmail } from "./compose";

export type QueuedEmail = { kind: string; to: string; content: EmailContent; headers?: Record<string, string> };

/**
 * Writes messages into the outbox inside the caller's transaction: they go out if and only if
 * the change that caused them commits, and sending happens later (lib/email/worker.ts).
 */
export async function queueEmails(tx: Transaction, emails: QueuedEmail[]): Promise<void> {
  if (emails.length === 0) return;
  const name = await publicationName(tx);
  await insertEmails(
    tx,
    emails.map((email) => {
      const composed = composeEmail(name, email.content);
      return { kind: email.kind, recipient: email.to, headers: email.headers ?? {}, ...composed };
    }),
  );
}
