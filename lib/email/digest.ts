import "server-only";
import { db } from "@/db/client";
import { claimDigest, digestCandidates, digestModeKinds, notificationsBetween } from "@/db/queries/email-digests";
import { getPublication } from "@/db/queries/publication";
import { EMAIL_KINDS, isEmailKind } from "./kinds";
import { type DigestStory, digestEmail } from "./messages";
import { queueEmails } from "./queue";

const DAY_MS = 86_400_000;

/** The publication's calendar day and hour at an instant. */
export function localDayAndHour(now: Date, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { day: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}

/**
 * Queues the daily digest of everyone whose hour it is in the publication's time zone: the day's
 * events of the kinds they chose as a digest, grouped per story. Each person's day is claimed in
 * the database first, so several instances send it once; an empty day sends nothing.
 */
export async function sendDueDigests(now: Date = new Date()): Promise<number> {
  const { timezone } = await getPublication();
  const { day, hour } = localDayAndHour(now, timezone);
  let queued = 0;
  for (const person of await digestCandidates(hour, day)) {
    const sent = await db().transaction(async (tx) => {
      const claim = await claimDigest(tx, person.id, day, now);
      if (!claim) return false;
      const since = new Date(Math.max(claim.since?.getTime() ?? 0, now.getTime() - DAY_MS));
      const kinds = (await digestModeKinds(tx, person.id)).filter(isEmailKind).flatMap((kind) => [...EMAIL_KINDS[kind].notifications]);
      const events = await notificationsBetween(tx, person.id, kinds, since, now);
      if (events.length === 0) return false;
      const byStory = new Map<string, DigestStory>();
      for (const event of events) {
        const storyId = event.storyId!;
        const story = byStory.get(storyId) ?? { storyId, headline: event.headline, events: [] };
        story.events.push({ kind: event.kind, actorName: event.actorName, headline: event.headline, note: event.note });
        byStory.set(storyId, story);
      }
      await queueEmails(tx, [{ kind: "digest", to: person.email, content: digestEmail(day, [...byStory.values()]) }]);
      return true;
    });
    if (sent) queued += 1;
  }
  return queued;
}
