import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { recipientsWithMode } from "@/db/queries/email-preferences";
import { stories, users } from "@/db/schema";
import { publicLink } from "./config";
import { EMAIL_KINDS, emailKindOf } from "./kinds";
import { notificationEmail } from "./messages";
import { queueEmails } from "./queue";
import { unsubscribeToken } from "./unsubscribe";

export type BellEvent = { recipientIds: readonly string[]; kind: string; storyId: string; actorId: string | null; note: string | null };

/**
 * The email twin of a bell notification, for those who want this kind immediately; digests pick
 * the notification up later. In the transaction that wrote the notification.
 */
export async function emailAboutNotification(tx: Transaction, event: BellEvent): Promise<void> {
  const kind = emailKindOf(event.kind);
  if (!kind) return;
  const wanting = (await recipientsWithMode(tx, event.recipientIds, kind)).filter((person) => person.mode === "immediate");
  if (wanting.length === 0) return;
  const [story] = await tx.select({ headline: stories.headline }).from(stories).where(eq(stories.id, event.storyId));
  const [actor] = event.actorId ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, event.actorId)) : [];
  const content = { kind: event.kind, storyId: event.storyId, headline: story?.headline ?? "", actorName: actor?.name ?? null, note: event.note };
  await queueEmails(
    tx,
    wanting.map((person) => {
      const unsubscribe = publicLink(`/unsubscribe?token=${unsubscribeToken(person.id, kind)}`);
      return {
        kind: `notification.${kind}`,
        to: person.email,
        content: notificationEmail(content, `You get this because “${EMAIL_KINDS[kind].label}” is on in your profile. Turn it off: ${unsubscribe}`),
        headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      };
    }),
  );
}
