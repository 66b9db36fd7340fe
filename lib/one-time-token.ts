import crypto from "node:crypto";

/** 256 random bits, URL-safe: share links, invites and password resets. */
export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token, so a leaked table opens nothing. */
export function tokenHash(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
