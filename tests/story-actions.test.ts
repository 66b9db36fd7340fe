import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { auditLog, sections, stories, storyBylines, storyRevisions } from "@/db/schema";
import { createUser } from "./support/factories";

// The actions' only window on who is asking; everything after it is the real code.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/navigation", () => ({ redirect: vi.fn(), notFound: vi.fn() }));

const { createStoryAction, saveStoryAction, transitionStoryAction } = await import("@/app/(desk)/desk/stories/actions");
const { FORBIDDEN } = await import("@/lib/server-action");
const { createDraft } = await import("@/db/queries/stories");

const body = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const draft = (overrides: Record<string, unknown> = {}) => ({
  headline: "Harbour dredging starts",
  dek: "The channel will be closed at night for three weeks.",
  slug: "",
  slugLocked: false,
  sectionId: null,
  seoTitle: "",
  seoDescription: "",
  tags: [],
  featuredImageId: null,
  featuredImageAlt: "",
  featuredImageCaption: "",
  featuredImageCredit: "",
  body: body("Dredgers arrived on Monday."),
  ...overrides,
});

async function signInAs(role: "writer" | "editor" | "admin") {
  const user = await createUser({ role });
  session.user = { id: user.id, email: user.email, displayName: user.displayName, role, sessionVersion: 1 };
  return user;
}

async function snapshot(id: string) {
  const [story] = await db().select().from(stories).where(eq(stories.id, id));
  const revisions = await db().select().from(storyRevisions).where(eq(storyRevisions.storyId, id));
  return { story, revisions: revisions.length };
}

beforeEach(() => {
  session.user = null;
});

describe("saveStoryAction", () => {
  it("saves a writer's own draft and derives its slug", async () => {
    const writer = await signInAs("writer");
    const id = await createDraft(writer.id);
    const result = await saveStoryAction({ storyId: id, baseRevision: 1, explicit: true, draft: draft() });
    expect(result).toMatchObject({ kind: "saved", revision: 2, slug: "harbour-dredging-starts" });
    const { story, revisions } = await snapshot(id);
    expect(story.headline).toBe("Harbour dredging starts");
    expect(story.wordCount).toBe(4);
    expect(revisions).toBe(1);
  });

  it("refuses a stale revision, returns the saved version and changes nothing", async () => {
    const writer = await signInAs("writer");
    const id = await createDraft(writer.id);
    await saveStoryAction({ storyId: id, baseRevision: 1, explicit: false, draft: draft() });
    const before = await snapshot(id);
    const result = await saveStoryAction({ storyId: id, baseRevision: 1, explicit: false, draft: draft({ headline: "Mine" }) });
    expect(result).toMatchObject({ kind: "conflict", current: { headline: "Harbour dredging starts", revision: 2 } });
    expect(await snapshot(id)).toEqual(before);
  });

  it.each([
    ["an unknown node", { type: "doc", content: [{ type: "iframe" }] }],
    ["a javascript: link", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "JaVaScRiPt:alert(1)" } }] }] }] }],
    ["a body over the size cap", body("word ".repeat(450_000))],
  ])("refuses %s and leaves the stored story untouched", async (_label, badBody) => {
    const writer = await signInAs("writer");
    const id = await createDraft(writer.id);
    await saveStoryAction({ storyId: id, baseRevision: 1, explicit: true, draft: draft() });
    const before = await snapshot(id);
    const result = await saveStoryAction({ storyId: id, baseRevision: 2, explicit: true, draft: draft({ body: badBody }) });
    expect(result).toMatchObject({ kind: "error" });
    expect((result as { error: string }).error.length).toBeGreaterThan(10);
    expect(await snapshot(id)).toEqual(before);
  });

  it("answers another writer as if the story did not exist, and changes nothing", async () => {
    const owner = await signInAs("writer");
    const id = await createDraft(owner.id);
    const before = await snapshot(id);
    await signInAs("writer");
    const result = await saveStoryAction({ storyId: id, baseRevision: 1, explicit: true, draft: draft({ headline: "Hijacked" }) });
    expect(result).toEqual({ kind: "error", error: "This story does not exist, or you cannot open it." });
    expect(await snapshot(id)).toEqual(before);
  });

  it("lets an editor save any draft, but not a signed-out caller", async () => {
    const owner = await signInAs("writer");
    const id = await createDraft(owner.id);
    session.user = null;
    expect(await saveStoryAction({ storyId: id, baseRevision: 1, explicit: true, draft: draft() })).toMatchObject({ kind: "error" });
    await signInAs("editor");
    expect(await saveStoryAction({ storyId: id, baseRevision: 1, explicit: true, draft: draft() })).toMatchObject({ kind: "saved" });
  });

  it("changes bylines only for the desk, and only to active staff", async () => {
    const writer = await signInAs("writer");
    const id = await createDraft(writer.id);
    const other = await createUser();
    await saveStoryAction({ storyId: id, baseRevision: 1, explicit: true, draft: draft({ bylineIds: [other.id] }) });
    const bylinesOf = async () =>
      (await db().select().from(storyBylines).where(eq(storyBylines.storyId, id))).map((row) => row.userId);
    expect(await bylinesOf()).toEqual([writer.id]);

    await signInAs("editor");
    const unknown = await saveStoryAction({
      storyId: id,
      baseRevision: 2,
      explicit: true,
      draft: draft({ bylineIds: ["00000000-0000-4000-8000-000000000000"] }),
    });
    expect(unknown).toEqual({ kind: "error", error: "Bylines must be active staff members." });
    const saved = await saveStoryAction({ storyId: id, baseRevision: 2, explicit: true, draft: draft({ bylineIds: [other.id, writer.id] }) });
    expect(saved).toMatchObject({ kind: "saved" });
    expect(await bylinesOf()).toEqual(expect.arrayContaining([other.id, writer.id]));
  });

  it("rejects malformed input with a message", async () => {
    await signInAs("writer");
    const result = await saveStoryAction({ storyId: "not-a-uuid", baseRevision: 1, explicit: true, draft: draft(), extra: 1 });
    expect(result).toMatchObject({ kind: "error" });
  });
});

describe("transitionStoryAction", () => {
  it("lists what is missing and submits nothing until the checklist passes", async () => {
    const writer = await signInAs("writer");
    const id = await createDraft(writer.id);
    const refused = await transitionStoryAction({ storyId: id, name: "submit", baseRevision: 1 });
    expect(refused.missing).toEqual(["Add a headline.", "Add a dek.", "Choose a section."]);
    expect((await snapshot(id)).story.status).toBe("draft");
  });

  it("submits a complete story once, audited; a writer may then not edit it", async () => {
    const writer = await signInAs("writer");
    const id = await createDraft(writer.id);
    const [{ id: sectionId }] = await db()
      .insert(sections)
      .values({ name: "Harbour", slug: `harbour-${id.slice(0, 8)}` })
      .returning({ id: sections.id });
    await saveStoryAction({ storyId: id, baseRevision: 1, explicit: true, draft: draft({ sectionId }) });
    expect(await transitionStoryAction({ storyId: id, name: "submit", baseRevision: 2, note: "Ready" })).toEqual({ revision: 3 });
    expect(await transitionStoryAction({ storyId: id, name: "submit", baseRevision: 2 })).toMatchObject({ error: expect.stringMatching(/changed meanwhile/) });
    const { story } = await snapshot(id);
    expect(story.status).toBe("in_review");
    expect(story.firstSubmittedAt).not.toBeNull();
    const audit = await db().select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.filter((entry) => entry.action === "story.submit")).toMatchObject([{ fromStatus: "draft", toStatus: "in_review", note: "Ready" }]);
    const save = await saveStoryAction({ storyId: id, baseRevision: story.revision, explicit: true, draft: draft({ sectionId }) });
    expect(save).toMatchObject({ kind: "error", error: expect.stringMatching(/no longer edit/) });
  });

  it("refuses a transition a writer may not take", async () => {
    const writer = await signInAs("writer");
    const id = await createDraft(writer.id);
    expect(await transitionStoryAction({ storyId: id, name: "approve", baseRevision: 1 })).toHaveProperty("error");
    expect((await snapshot(id)).story.status).toBe("draft");
  });
});

describe("review by the desk", () => {
  it("needs a note to request changes, and the publish checklist to approve", async () => {
    const writer = await signInAs("writer");
    const id = await createDraft(writer.id);
    const [{ id: sectionId }] = await db()
      .insert(sections)
      .values({ name: "Review", slug: `review-${id.slice(0, 8)}` })
      .returning({ id: sections.id });
    await saveStoryAction({ storyId: id, baseRevision: 1, explicit: true, draft: draft({ sectionId, dek: "Too short for search." }) });
    await transitionStoryAction({ storyId: id, name: "submit", baseRevision: 2 });
    expect(await transitionStoryAction({ storyId: id, name: "approve", baseRevision: 3 })).toEqual({ error: FORBIDDEN });

    await signInAs("editor");
    expect(await transitionStoryAction({ storyId: id, name: "requestChanges", baseRevision: 3, note: "  " })).toEqual({
      error: "Write a note telling the writers what to change.",
    });
    const refused = await transitionStoryAction({ storyId: id, name: "approve", baseRevision: 3 });
    expect(refused.missing).toEqual(["Write an SEO description of 50–160 characters (or a dek of that length)."]);
    expect((await snapshot(id)).story.status).toBe("in_review");

    expect(await transitionStoryAction({ storyId: id, name: "requestChanges", baseRevision: 3, note: "Add a quote." })).toEqual({ revision: 4 });
    const audit = await db().select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.find((entry) => entry.action === "story.requestChanges")).toMatchObject({
      fromStatus: "in_review",
      toStatus: "changes_requested",
      note: "Add a quote.",
    });
  });
});

describe("createStoryAction", () => {
  it("creates a draft with its creator as byline", async () => {
    const writer = await signInAs("writer");
    await createStoryAction();
    const [created] = await db().select().from(stories).where(eq(stories.createdBy, writer.id));
    expect(created.status).toBe("draft");
  });
});
