import "server-only";
import crypto from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { db } from "../client";
import { shareLinks, users } from "../schema";

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** The token is shown once; only its hash is kept, so a database leak opens no previews. */
export async function createShareLink(storyId: string, createdBy: string, hours: number) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await db().insert(shareLinks).values({ storyId, createdBy, tokenHash: hashOf(token), expiresAt });
  return { token, expiresAt };
}

export async function listActiveShareLinks(storyId: string) {
  return db()
    .select({ id: shareLinks.id, createdAt: shareLinks.createdAt, expiresAt: shareLinks.expiresAt, createdBy: users.displayName })
    .from(shareLinks)
    .leftJoin(users, eq(shareLinks.createdBy, users.id))
    .where(and(eq(shareLinks.storyId, storyId), isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, new Date())))
    .orderBy(desc(shareLinks.createdAt));
}

export async function findShareLink(id: string) {
  const [link] = await db().select({ id: shareLinks.id, storyId: shareLinks.storyId }).from(shareLinks).where(eq(shareLinks.id, id));
  return link;
}

export async function revokeShareLink(id: string): Promise<void> {
  await db().update(shareLinks).set({ revokedAt: new Date() }).where(and(eq(shareLinks.id, id), isNull(shareLinks.revokedAt)));
}

/** The story a live, unrevoked token opens, or undefined. */
export async function storyIdForShareToken(token: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const [link] = await db()
    .select({ storyId: shareLinks.storyId })
    .from(shareLinks)
    .where(and(eq(shareLinks.tokenHash, hashOf(token)), isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, new Date())));
  return link?.storyId;
}
