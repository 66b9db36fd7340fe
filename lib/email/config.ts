/**
 * Where emails point and who they come from. Links are built only from PUBLIC_URL, never from a
 * request's Host header, so a forged Host cannot put a foreign address into a reset email.
 */
export function publicOrigin(): string {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) return new URL(configured).origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

export function publicLink(path: string): string {
  return new URL(path, publicOrigin()).toString();
}

/** The host Message-IDs are minted on: the publication's own. */
export function messageHost(): string {
  return new URL(publicOrigin()).hostname;
}

export function mailFromAddress(): string {
  return process.env.MAIL_FROM?.trim() || `newsroom@${messageHost()}`;
}

/** Unset: nothing is sent, the outbox keeps every message for admins to see. */
export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL?.trim() || undefined;
}
