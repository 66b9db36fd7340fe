import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { looksLikeToken, newToken, tokenHash } from "@/lib/one-time-token";
import { db } from "../client";
import { shareLinks, users } from "../schema";

/** The token is shown once; only its hash is kept, so a database leak opens no previews. */
export async function createShareLink(storyId: string, createdBy: string, hours: number) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await db().insert(shareLinks).values({ storyId, createdBy, tokenHash: tokenHash(token), expiresAt });
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
  if (!looksLikeToken(token)) return undefined;
  const [link] = await db()
    .select({ storyId: shareLinks.storyId })
    .from(shareLinks)
    .where(and(eq(shareLinks.tokenHash, tokenHash(token)), isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, new Date())));
  return link?.storyId;
}
