import "server-only";
import { claimDueEmails, markEmailSent, markEmailUndelivered, publicationName } from "@/db/queries/email-outbox";
import { db } from "@/db/client";
import { repeatInBackground } from "@/lib/background-work";
import { isShuttingDown } from "@/lib/shutdown";
import { pageOrigin } from "@/lib/public/page-origin";
import { smtpUrl } from "./config";
import { sendDueDigests } from "./digest";
import { type SendEmail, isPermanentFailure, smtpSender } from "./transport";

export const MAX_ATTEMPTS = 8;
const BATCH = 10;
/** How long a claimed message is a worker's before another may take it (the first died). */
const CLAIM_MS = 5 * 60_000;
const TICK_MS = 1_000;
const DIGEST_EVERY_TICKS = 30;

/** 30 s, 1 min, 2 min … capped at an hour: eight tries span about two hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** Sends every message due at `now`; each one is taken by exactly one worker (claimDueEmails). */
export async function deliverDueEmails(send: SendEmail, now: Date = new Date()): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDueEmails(now, BATCH, CLAIM_MS);
    if (claimed.length === 0) return report;
    const sender = await publicationName(db());
    for (const message of claimed) {
      try {
        await send(message, sender);
        await markEmailSent(message.id, new Date());
        report.sent += 1;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const giveUp = isPermanentFailure(error) || message.attempts >= MAX_ATTEMPTS;
        await markEmailUndelivered(message.id, reason.slice(0, 500), giveUp ? null : new Date(now.getTime() + retryDelayMs(message.attempts)));
        report[giveUp ? "failed" : "retrying"] += 1;
      }
    }
  }
}

const globalForWorker = globalThis as unknown as { mastheadEmailWorker?: NodeJS.Timeout };

/**
 * Every server process runs one, like the publishing scheduler: delivery every second when
 * SMTP_URL is set (otherwise messages wait in the outbox), and the daily digests every half
 * minute. Never throws; a failing tick is logged and the next one tries again.
 */
export function startEmailWorker(): void {
  if (globalForWorker.mastheadEmailWorker || isShuttingDown()) return;
  const url = smtpUrl();
  const send = url ? smtpSender(url) : undefined;
  if (url && !process.env.PUBLIC_URL) console.warn(`SMTP_URL is set but PUBLIC_URL is not: links in emails will point at ${pageOrigin()}.`);
  let ticks = 0;
  globalForWorker.mastheadEmailWorker = repeatInBackground(
    "email worker",
    TICK_MS,
    async () => {
      if (ticks++ % DIGEST_EVERY_TICKS === 0) await sendDueDigests();
      if (send) await deliverDueEmails(send);
    },
    "Email delivery failed; retrying in a second.",
  );
}
