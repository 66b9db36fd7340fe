/**
 * Where emails point and who they come from. Links are built only from PUBLIC_URL, never from a
 * request's Host header, so a forged Host cannot put a foreign address into a reset email.
 */
import { pageOrigin } from "@/lib/public/page-origin";

export function publicLink(path: string): string {
  return new URL(path, pageOrigin()).toString();
}

/** The host Message-IDs are minted on: the publication's own. */
export function messageHost(): string {
  return new URL(pageOrigin()).hostname;
}

export function mailFromAddress(): string {
  return process.env.MAIL_FROM?.trim() || `newsroom@${messageHost()}`;
}

/** Unset: nothing is sent, the outbox keeps every message for admins to see. */
export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL?.trim() || undefined;
}
