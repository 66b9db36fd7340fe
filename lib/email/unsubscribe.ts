import crypto from "node:crypto";
import { type EmailKind, isEmailKind } from "./kinds";

/**
 * One-click unsubscribe (RFC 8058) works without signing in, so the link itself must say who and
 * which kind, signed so nobody can turn off someone else's emails.
 */
function signature(payload: string): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: it signs unsubscribe links.");
  return crypto.createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kind: EmailKind): string {
  const payload = `${userId}.${kind}`;
  return `${payload}.${signature(payload)}`;
}

export function readUnsubscribeToken(token: string): { userId: string; kind: EmailKind } | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, userId, kind, given] = match;
  const expected = signature(`${userId}.${kind}`);
  if (!crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return undefined;
  return isEmailKind(kind) ? { userId, kind } : undefined;
}
