import "server-only";
import { and, desc, eq, gte, lt } from "drizzle-orm";
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

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { actorId?: string; action?: string; from?: Date; to?: Date; page: number };

/** Newest first; one more row than a page is fetched to know whether another page exists. */
export async function listAudit(filters: AuditFilters) {
  const conditions = [
    filters.actorId ? eq(auditLog.actorId, filters.actorId) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.from ? gte(auditLog.createdAt, filters.from) : undefined,
    filters.to ? lt(auditLog.createdAt, filters.to) : undefined,
  ];
  const rows = await db()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: users.displayName,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      fromStatus: auditLog.fromStatus,
      toStatus: auditLog.toStatus,
      note: auditLog.note,
      ip: auditLog.ip,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.actorId, users.id))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filters.page - 1) * AUDIT_PAGE_SIZE);
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

export async function listAuditActions(): Promise<string[]> {
  const rows = await db().selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((row) => row.action);
}
