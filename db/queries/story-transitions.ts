import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { publishChecklist, submitChecklist } from "@/lib/workflow/checklist";
import { TRANSITIONS, type TransitionName, canStartFrom } from "@/lib/workflow/transitions";
import { db, type Transaction } from "../client";
import { auditLog, stories } from "../schema";
import { type PublicNote, putStoryLive, takeStoryDown } from "./live-stories";
import { pageAddressProblem, putPageLive, takePageDown } from "./pages";
import { notifyAboutTransition } from "./notifications";
import { loadEditableStory } from "./stories";
import { recordRevision } from "./story-revisions";

export type TransitionResult =
  | { kind: "done"; revision: number }
  | { kind: "changed" }
  | { kind: "missing" }
  | { kind: "nothing-pending" }
  | { kind: "checklist"; missing: string[] };

export type TransitionOptions = {
  /** The reason or instruction typed by the person (request changes, unpublish). */
  note: string | null;
  /** Schedule only: when the story goes live. */
  publishAt?: Date;
  /** Publish update only: a public correction or update note. */
  publicNote?: PublicNote | null;
};

const GOES_LIVE: readonly TransitionName[] = ["publishNow", "scheduledPublish", "republish", "publishUpdate"];

function storyColumnsFor(name: TransitionName, options: TransitionOptions) {
  switch (name) {
    case "submit":
      return { firstSubmittedAt: sql`coalesce(${stories.firstSubmittedAt}, now())` };
    case "schedule":
      return { publishAt: options.publishAt };
    case "unschedule":
    case "requestChanges":
      return { publishAt: null };
    case "publishNow":
    case "scheduledPublish":
    case "republish":
      // Set once: a republished story keeps the time it first went live.
      return { publishAt: null, publishedAt: sql`coalesce(${stories.publishedAt}, now())` };
    default:
      return {};
  }
}

/**
 * Carries out one state-machine step for a story someone was looking at (`baseRevision`):
 * one winner under races, then its effects, a snapshot, an audit entry and notifications, all
 * in the caller's transaction. `actorId` is null only for the scheduler.
 */
export async function transitionInTransaction(
  tx: Transaction,
  storyId: string,
  name: TransitionName,
  baseRevision: number,
  actorId: string | null,
  options: TransitionOptions,
): Promise<TransitionResult> {
  const transition = TRANSITIONS[name];
  const [locked] = await tx
    .select({ status: stories.status, revision: stories.revision, pendingUpdate: stories.pendingUpdate, kind: stories.kind })
    .from(stories)
    .where(eq(stories.id, storyId))
    .for("update");
  if (!locked) return { kind: "missing" };
  if (locked.revision !== baseRevision || !canStartFrom(name, locked.status)) return { kind: "changed" };
  if (name === "publishUpdate" && !locked.pendingUpdate) return { kind: "nothing-pending" };

  const story = (await loadEditableStory(tx, storyId))!;
  if (transition.checklist) {
    const missing = transition.checklist === "publish" ? publishChecklist(story) : submitChecklist(story);
    // A section may have taken the page's address since it was saved.
    const addressProblem = story.kind === "page" && transition.checklist === "publish" && story.slug ? await pageAddressProblem(tx, story.slug) : null;
    if (addressProblem) missing.push(addressProblem);
    if (missing.length > 0) return { kind: "checklist", missing };
  }
  const [updated] = await tx
    .update(stories)
    .set({ status: transition.to, revision: sql`${stories.revision} + 1`, updatedAt: new Date(), ...storyColumnsFor(name, options) })
    .where(eq(stories.id, storyId))
    .returning({ revision: stories.revision });

  const isPage = locked.kind === "page";
  if (GOES_LIVE.includes(name)) await (isPage ? putPageLive(tx, storyId) : putStoryLive(tx, storyId, { actorId, note: options.publicNote }));
  if (name === "unpublish") await (isPage ? takePageDown(tx, storyId) : takeStoryDown(tx, storyId));

  await recordRevision(tx, { ...story, status: transition.to, revision: updated.revision }, name, actorId);
  await tx.insert(auditLog).values({
    actorId,
    action: `story.${name}`,
    targetType: "story",
    targetId: storyId,
    fromStatus: locked.status,
    toStatus: transition.to,
    note: options.note,
    metadata: {
      ...(options.publishAt ? { publishAt: options.publishAt.toISOString() } : {}),
      ...(options.publicNote ? { publicNote: options.publicNote } : {}),
    },
  });
  await notifyAboutTransition(tx, { storyId, name, actorId, note: options.note });
  return { kind: "done", revision: updated.revision };
}

export async function applyTransition(
  storyId: string,
  name: TransitionName,
  baseRevision: number,
  actorId: string,
  options: TransitionOptions,
): Promise<TransitionResult> {
  return db().transaction((tx) => transitionInTransaction(tx, storyId, name, baseRevision, actorId, options));
}

/**
 * Publishes every scheduled story whose time has come, one per transaction. Rows are taken with
 * FOR UPDATE SKIP LOCKED and re-checked under the lock, so any number of app instances (or a
 * restart in the middle) publish each story exactly once. A story edited after scheduling so that
 * it no longer passes the publish checklist goes back to Approved, with the reason in the audit log.
 */
export async function publishDueStories(now: Date = new Date(), onPublished: (storyId: string) => Promise<void> = async () => {}): Promise<number> {
  let published = 0;
  for (;;) {
    const outcome = await db().transaction(async (tx) => {
      const [due] = await tx
        .select({ id: stories.id, revision: stories.revision })
        .from(stories)
        .where(and(eq(stories.status, "scheduled"), lte(stories.publishAt, now)))
        .orderBy(asc(stories.publishAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!due) return "none" as const;
      const result = await transitionInTransaction(tx, due.id, "scheduledPublish", due.revision, null, { note: null });
      if (result.kind === "checklist") {
        await holdBackScheduledStory(tx, due.id, result.missing);
        return "held" as const;
      }
      return result.kind === "done" ? { published: due.id } : ("held" as const);
    });
    if (outcome === "none") return published;
    if (typeof outcome === "object") {
      published += 1;
      await onPublished(outcome.published);
    }
  }
}

async function holdBackScheduledStory(tx: Transaction, storyId: string, missing: string[]) {
  await tx
    .update(stories)
    .set({ status: "approved", publishAt: null, revision: sql`${stories.revision} + 1`, updatedAt: new Date() })
    .where(eq(stories.id, storyId));
  await tx.insert(auditLog).values({
    actorId: null,
    action: "story.scheduledPublishHeld",
    targetType: "story",
    targetId: storyId,
    fromStatus: "scheduled",
    toStatus: "approved",
    note: `Not published: ${missing.join(" ")}`,
  });
}
