import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { emailAboutNotification } from "@/lib/email/notify";
import type { TransitionName } from "@/lib/workflow/transitions";
import { db, type Transaction } from "../client";
import { notifications, stories, storyBylines, users } from "../schema";

/** Who hears about each step: the desk when work arrives, the writers when the desk acts on it. */
const AUDIENCE: Partial<Record<TransitionName, "desk" | "bylines">> = {
  submit: "desk",
  requestChanges: "bylines",
  approve: "bylines",
  schedule: "bylines",
  publishNow: "bylines",
  scheduledPublish: "bylines",
  publishUpdate: "bylines",
  unpublish: "bylines",
};

export async function notifyAboutTransition(
  tx: Transaction,
  event: { storyId: string; name: TransitionName; actorId: string | null; note: string | null },
): Promise<void> {
  const audience = AUDIENCE[event.name];
  if (!audience) return;
  const recipients =
    audience === "desk"
      ? await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.active, true), inArray(users.role, ["editor", "admin"])))
      : await tx
          .select({ id: storyBylines.userId })
          .from(storyBylines)
          .innerJoin(users, eq(users.id, storyBylines.userId))
          .where(and(eq(storyBylines.storyId, event.storyId), eq(users.active, true)));
  const others = recipients.filter((recipient) => recipient.id !== event.actorId);
  if (others.length === 0) return;
  await tx.insert(notifications).values(
    others.map((recipient) => ({
      userId: recipient.id,
      kind: event.name,
      storyId: event.storyId,
      actorId: event.actorId,
      note: event.note,
    })),
  );
  await emailAboutNotification(tx, { recipientIds: others.map((recipient) => recipient.id), kind: event.name, storyId: event.storyId, actorId: event.actorId, note: event.note });
}

export async function countUnreadNotifications(userId: string): Promise<number> {
  const [row] = await db()
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

export async function listNotifications(userId: string, limit = 30) {
  const actor = sql<string | null>`(SELECT display_name FROM users WHERE users.id = ${notifications.actorId})`;
  return db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      storyId: notifications.storyId,
      headline: stories.headline,
      actorName: actor,
      note: notifications.note,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(stories, eq(notifications.storyId, stories.id))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function markNotificationsRead(userId: string): Promise<void> {
  await db()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
