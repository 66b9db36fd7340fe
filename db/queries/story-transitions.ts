import "server-only";
import { eq, sql } from "drizzle-orm";
import { publishChecklist, submitChecklist } from "@/lib/workflow/checklist";
import { TRANSITIONS, type TransitionName, canStartFrom } from "@/lib/workflow/transitions";
import { db } from "../client";
import { auditLog, stories } from "../schema";
import { loadEditableStory } from "./stories";
import { recordRevision } from "./story-revisions";

export type TransitionResult =
  | { kind: "done"; revision: number }
  | { kind: "changed" }
  | { kind: "missing" }
  | { kind: "checklist"; missing: string[] };

/**
 * Carries out one state-machine step for a story someone was looking at (`baseRevision`):
 * one winner under races, then a snapshot and an audit entry, all in one transaction.
 */
export async function applyTransition(
  storyId: string,
  name: TransitionName,
  baseRevision: number,
  actorId: string,
  note: string | null,
): Promise<TransitionResult> {
  const transition = TRANSITIONS[name];
  return db().transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: stories.status, revision: stories.revision })
      .from(stories)
      .where(eq(stories.id, storyId))
      .for("update");
    if (!locked) return { kind: "missing" };
    if (locked.revision !== baseRevision || !canStartFrom(name, locked.status)) return { kind: "changed" };

    const story = (await loadEditableStory(tx, storyId))!;
    if (transition.checklist) {
      const missing = transition.checklist === "publish" ? publishChecklist(story) : submitChecklist(story);
      if (missing.length > 0) return { kind: "checklist", missing };
    }
    const [updated] = await tx
      .update(stories)
      .set({
        status: transition.to,
        revision: sql`${stories.revision} + 1`,
        updatedAt: new Date(),
        ...(name === "submit" ? { firstSubmittedAt: sql`coalesce(${stories.firstSubmittedAt}, now())` } : {}),
      })
      .where(eq(stories.id, storyId))
      .returning({ revision: stories.revision });
    await recordRevision(tx, { ...story, status: transition.to, revision: updated.revision }, name, actorId);
    await tx.insert(auditLog).values({
      actorId,
      action: `story.${name}`,
      targetType: "story",
      targetId: storyId,
      fromStatus: locked.status,
      toStatus: transition.to,
      note,
    });
    return { kind: "done", revision: updated.revision };
  });
}
