import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import type { EditableStory } from "@/db/queries/stories";
import type { SessionUser } from "@/db/queries/users";
import { auditLog, notifications, publicStories, stories, storyCorrections, users } from "@/db/schema";
import { createReadyStory, createUser } from "./support/factories";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/navigation", () => ({ redirect: vi.fn(), notFound: vi.fn() }));

const { saveStoryAction, transitionStoryAction } = await import("@/app/(desk)/desk/stories/actions");
const { publishDueStories } = await import("@/db/queries/story-transitions");
const { getEditableStory } = await import("@/db/queries/stories");
const { toZonedLocalInput } = await import("@/lib/time-zone");

async function signInAs(role: "writer" | "editor" | "admin") {
  const user = await createUser({ role });
  session.user = { id: user.id, email: user.email, displayName: user.displayName, role, sessionVersion: 1 };
  return user;
}

async function storyRow(id: string) {
  const [story] = await db().select().from(stories).where(eq(stories.id, id));
  return story;
}

async function liveRow(id: string) {
  const [live] = await db().select().from(publicStories).where(eq(publicStories.storyId, id));
  return live;
}

async function auditActions(id: string) {
  const rows = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id));
  return rows.map((row) => row.action);
}

function draftOf(story: EditableStory) {
  const { headline, dek, slug, slugLocked, sectionId, seoTitle, seoDescription, tags, body } = story;
  const { featuredImageId, featuredImageAlt, featuredImageCaption, featuredImageCredit } = story;
  return { headline, dek, slug, slugLocked, sectionId, seoTitle, seoDescription, tags, body, featuredImageId, featuredImageAlt, featuredImageCaption, featuredImageCredit };
}

const inUtc = (offsetMs: number) => toZonedLocalInput(new Date(Date.now() + offsetMs), "UTC") + ":00";

beforeEach(() => {
  session.user = null;
});

describe("scheduling", () => {
  it.each([
    ["a time in the past", inUtc(-60_000 * 60), "Choose a time in the future."],
    ["an unparseable date", "next tuesday-ish", "Enter a date and time to publish (UTC)."],
    ["no date at all", undefined, "Enter a date and time to publish (UTC)."],
  ])("refuses %s and changes nothing", async (_label, publishAt, error) => {
    const writer = await createUser();
    await signInAs("editor");
    const story = await createReadyStory(writer.id, "approved");
    const result = await transitionStoryAction({ storyId: story.id, name: "schedule", baseRevision: story.revision, publishAt });
    expect(result.error).toBe(error);
    expect(await storyRow(story.id)).toEqual(story);
  });

  it("keeps a scheduled story private until its time, then publishes it exactly once", async () => {
    const writer = await createUser();
    await signInAs("editor");
    const story = await createReadyStory(writer.id, "approved");
    const result = await transitionStoryAction({ storyId: story.id, name: "schedule", baseRevision: story.revision, publishAt: inUtc(60 * 60_000) });
    expect(result).toEqual({ revision: story.revision + 1 });
    const scheduled = await storyRow(story.id);
    expect(scheduled.status).toBe("scheduled");

    await publishDueStories();
    expect(await liveRow(story.id)).toBeUndefined();

    // The time comes while two instances (or a restart and a tick) look at once.
    const later = new Date(Date.now() + 61 * 60_000);
    await Promise.all([publishDueStories(later), publishDueStories(later), publishDueStories(later)]);
    const published = await storyRow(story.id);
    expect(published.status).toBe("published");
    expect(published.publishedAt).not.toBeNull();
    expect((await liveRow(story.id))?.headline).toBe(story.headline);
    expect((await auditActions(story.id)).filter((action) => action === "story.scheduledPublish")).toHaveLength(1);

    await publishDueStories(new Date(Date.now() + 120 * 60_000));
    expect((await storyRow(story.id)).publishedAt).toEqual(published.publishedAt);
    const told = await db().select().from(notifications).where(and(eq(notifications.storyId, story.id), eq(notifications.userId, writer.id)));
    expect(told.map((row) => row.kind)).toEqual(expect.arrayContaining(["schedule", "scheduledPublish"]));
  });

  it("unscheduling before the time keeps the story private", async () => {
    const writer = await createUser();
    await signInAs("editor");
    const story = await createReadyStory(writer.id, "approved");
    await transitionStoryAction({ storyId: story.id, name: "schedule", baseRevision: story.revision, publishAt: inUtc(60 * 60_000) });
    const scheduled = await storyRow(story.id);
    expect(await transitionStoryAction({ storyId: story.id, name: "unschedule", baseRevision: scheduled.revision })).toEqual({ revision: scheduled.revision + 1 });
    await publishDueStories(new Date(Date.now() + 2 * 60 * 60_000));
    expect(await storyRow(story.id)).toMatchObject({ status: "approved", publishAt: null, publishedAt: null });
    expect(await liveRow(story.id)).toBeUndefined();
  });

  it("holds back a scheduled story that was edited out of shape, instead of publishing it", async () => {
    const writer = await createUser();
    const story = await createReadyStory(writer.id, "scheduled", { dek: "", publishAt: new Date(Date.now() - 1000) });
    await publishDueStories();
    expect(await storyRow(story.id)).toMatchObject({ status: "approved", publishAt: null });
    expect(await liveRow(story.id)).toBeUndefined();
    expect(await auditActions(story.id)).toContain("story.scheduledPublishHeld");
  });
});

describe("published stories", () => {
  it("keep the live text while an editor edits, until the update is published with a correction", async () => {
    const writer = await createUser();
    const editor = await signInAs("editor");
    const story = await createReadyStory(writer.id, "approved");
    expect(await transitionStoryAction({ storyId: story.id, name: "publishNow", baseRevision: story.revision })).toEqual({ revision: story.revision + 1 });
    const live = await liveRow(story.id);
    const firstPublishedAt = (await storyRow(story.id)).publishedAt;
    expect(live).toMatchObject({ headline: story.headline, updatedAt: null });

    const current = (await getEditableStory(story.id))!;
    const saved = await saveStoryAction({
      storyId: story.id,
      baseRevision: current.revision,
      explicit: true,
      draft: { ...draftOf(current), headline: "Ferry timetable corrected" },
    });
    expect(saved).toMatchObject({ kind: "saved" });
    expect(await storyRow(story.id)).toMatchObject({ status: "published", pendingUpdate: true });
    expect((await liveRow(story.id))?.headline).toBe(story.headline);

    const pending = await storyRow(story.id);
    const result = await transitionStoryAction({
      storyId: story.id,
      name: "publishUpdate",
      baseRevision: pending.revision,
      publicNote: { kind: "correction", note: "An earlier version gave the wrong departure time." },
    });
    expect(result).toEqual({ revision: pending.revision + 1 });
    const updated = await liveRow(story.id);
    expect(updated?.headline).toBe("Ferry timetable corrected");
    expect(updated?.updatedAt).not.toBeNull();
    expect(updated?.publishedAt).toEqual(firstPublishedAt);
    const corrections = await db().select().from(storyCorrections).where(eq(storyCorrections.storyId, story.id));
    expect(corrections).toMatchObject([{ kind: "correction", note: "An earlier version gave the wrong departure time.", createdBy: editor.id }]);
    expect(await storyRow(story.id)).toMatchObject({ pendingUpdate: false, publishedAt: firstPublishedAt });

    const again = await storyRow(story.id);
    expect(await transitionStoryAction({ storyId: story.id, name: "publishUpdate", baseRevision: again.revision })).toEqual({
      error: "There are no unpublished edits to publish.",
    });
  });

  it("unpublish needs a reason and takes the story down; republish keeps the first publication time", async () => {
    const writer = await createUser();
    await signInAs("admin");
    const story = await createReadyStory(writer.id, "approved");
    await transitionStoryAction({ storyId: story.id, name: "publishNow", baseRevision: story.revision });
    const published = await storyRow(story.id);

    expect(await transitionStoryAction({ storyId: story.id, name: "unpublish", baseRevision: published.revision, note: "  " })).toEqual({
      error: "Give the reason for unpublishing.",
    });
    expect(await storyRow(story.id)).toEqual(published);

    expect(await transitionStoryAction({ storyId: story.id, name: "unpublish", baseRevision: published.revision, note: "Legal hold" })).toEqual({ revision: published.revision + 1 });
    expect(await liveRow(story.id)).toBeUndefined();
    const down = await storyRow(story.id);
    expect(down.status).toBe("unpublished");

    expect(await transitionStoryAction({ storyId: story.id, name: "republish", baseRevision: down.revision })).toEqual({ revision: down.revision + 1 });
    expect((await liveRow(story.id))?.publishedAt).toEqual(published.publishedAt);
    expect(await auditActions(story.id)).toEqual(expect.arrayContaining(["story.publishNow", "story.unpublish", "story.republish"]));
  });
});

describe("races and bad input", () => {
  it("two editors approving at once: one wins, the other is told the story changed", async () => {
    const writer = await createUser();
    const story = await createReadyStory(writer.id, "in_review");
    const editors = [await createUser({ role: "editor" }), await createUser({ role: "editor" })];
    const { applyTransition } = await import("@/db/queries/story-transitions");
    const results = await Promise.all(editors.map((editor) => applyTransition(story.id, "approve", story.revision, editor.id, { note: null })));
    expect(results.map((result) => result.kind).sort()).toEqual(["changed", "done"]);
    expect((await auditActions(story.id)).filter((action) => action === "story.approve")).toHaveLength(1);
  });

  it("two editors scheduling and publishing at once: exactly one step happens", async () => {
    const writer = await createUser();
    const story = await createReadyStory(writer.id, "approved");
    const [first, second] = [await createUser({ role: "editor" }), await createUser({ role: "admin" })];
    const { applyTransition } = await import("@/db/queries/story-transitions");
    const results = await Promise.all([
      applyTransition(story.id, "schedule", story.revision, first.id, { note: null, publishAt: new Date(Date.now() + 3_600_000) }),
      applyTransition(story.id, "publishNow", story.revision, second.id, { note: null }),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(["changed", "done"]);
  });

  it.each([
    ["a 20 kB note", (id: string, revision: number) => ({ storyId: id, name: "requestChanges", baseRevision: revision, note: "x".repeat(20_000) }), "Keep the note under 2,000 characters."],
    ["a step from the wrong status", (id: string, revision: number) => ({ storyId: id, name: "unpublish", baseRevision: revision, note: "why" }), "This story changed meanwhile. Reload it to see the latest version, then try again."],
    ["an unknown story", (_id: string, revision: number) => ({ storyId: crypto.randomUUID(), name: "approve", baseRevision: revision }), "This story does not exist, or you cannot open it."],
    ["an unknown step", (id: string, revision: number) => ({ storyId: id, name: "scheduledPublish", baseRevision: revision }), "Unknown workflow step."],
    ["a stale revision", (id: string, revision: number) => ({ storyId: id, name: "approve", baseRevision: revision + 5 }), "This story changed meanwhile. Reload it to see the latest version, then try again."],
  ])("refuses %s with a clear message and changes nothing", async (_label, makeInput, error) => {
    const writer = await createUser();
    await signInAs("editor");
    const story = await createReadyStory(writer.id, "in_review");
    const result = await transitionStoryAction(makeInput(story.id, story.revision));
    expect(result.error).toBe(error);
    expect(await storyRow(story.id)).toEqual(story);
    expect(await auditActions(story.id)).toEqual([]);
  });

  it("tells the desk about a submission and the writers about the desk's answer", async () => {
    const writer = await signInAs("writer");
    const editor = await createUser({ role: "editor" });
    const inactiveEditor = await createUser({ role: "editor", active: false });
    const story = await createReadyStory(writer.id, "draft");
    expect(await transitionStoryAction({ storyId: story.id, name: "submit", baseRevision: story.revision })).toEqual({ revision: story.revision + 1 });
    const toDesk = await db().select({ userId: notifications.userId }).from(notifications).where(eq(notifications.storyId, story.id));
    expect(toDesk.map((row) => row.userId)).toContain(editor.id);
    expect(toDesk.map((row) => row.userId)).not.toContain(inactiveEditor.id);
    expect(toDesk.map((row) => row.userId)).not.toContain(writer.id);
    await db().update(users).set({ active: false }).where(eq(users.id, inactiveEditor.id));
  });
});
