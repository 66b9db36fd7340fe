import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "../client";
import { auditLog, users } from "../schema";

export type AuditEntry = {
  actorId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  fromStatus?: string;
  toStatus?: string;
  note?: string;
  ip?: string;
  metadata?: Record<string, unknown>;
};

export async function recordAudit(entry: AuditEntry): Promise<void> {
  await db().insert(auditLog).values(entry);
}

/** The latest note left with a story transition (e.g. why changes were requested), and who left it. */
export async function latestTransitionNote(storyId: string, action: string) {
  const [entry] = await db()
    .select({ note: auditLog.note, createdAt: auditLog.createdAt, by: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.actorId, users.id))
    .where(and(eq(auditLog.targetType, "story"), eq(auditLog.targetId, storyId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  return entry;
}
