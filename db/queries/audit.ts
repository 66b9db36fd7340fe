import "server-only";
import { db } from "../client";
import { auditLog } from "../schema";

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
