import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import type { EditableStory } from "@/db/queries/stories";
import type { SessionUser } from "@/db/queries/users";
import { publication, publicPages, publicStories, sections, stories } from "@/db/schema";
import { submitChecklist, publishChecklist } from "@/lib/workflow/checklist";
import { createReadyStory, createUser } from "./support/factories";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
  notFound: vi.fn(),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { saveStoryAction, transitionStoryAction } = await import("@/app/(desk)/desk/stories/actions");
const { createPageAction } = await import("@/app/(desk)/desk/pages/actions");
const { moveFooterPageAction } = await import("@/app/(desk)/desk/admin/footer/actions");
const { createSectionAction } = await import("@/app/(desk)/desk/admin/sections/actions");
const { getEditableStory, listDeskStories } = await import("@/db/queries/stories");
const { listPublicPages, publicPageBySlug } = await import("@/db/queries/public-pages");
const { feedStories, latestStories, sitemapStories } = await import("@/db/queries/public-stories");
const { searchStories } = await import("@/db/queries/public-search");
const { bringPublishedStoriesLive } = await import("@/db/queries/live-stories");

// Publishing and reordering bump the publication's public version: it needs its one row.
await db().insert(publication).values({ id: 1, name: "The Test Ledger" }).onConflictDoNothing();

async function signInAs(role: "writer" | "editor" | "admin") {
  const user = await createUser({ role });
  session.user = { id: user.id, email: user.email, displayName: user.displayName, role, sessionVersion: 1 };
  return user;
}

/** A new page through the desk's own action, as its writer. */
async function newPage(): Promise<EditableStory> {
  const redirected = await createPageAction().catch((error: Error) => error.message);
  const id = String(redirected).match(/\/desk\/stories\/([0-9a-f-]{36})\/edit/)?.[1];
  return (await getEditableStory(id!))!;
}

function draftOf(story: EditableStory) {
  const { headline, dek, slug, slugLocked, sectionId, seoTitle, seoDescription, tags, body } = story;
  const { featuredImageId, featuredImageAlt, featuredImageCaption, featuredImageCredit } = story;
  return { headline, dek, slug, slugLocked, sectionId, seoTitle, seoDescription, tags, body, featuredImageId, featuredImageAlt, featuredImageCaption, featuredImageCredit };
}

const SEO = "How this newsroom decides what to publish, and how it corrects mistakes.";
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function save(page: EditableStory, patch: Partial<ReturnType<typeof draftOf>>) {
  const current = (await getEditableStory(page.id))!;
  return saveStoryAction({ storyId: page.id, baseRevision: current.revision, explicit: true, draft: { ...draftOf(current), ...patch } });
}

/** Writes a page ready for review as a writer, and returns it with its unique headline. */
async function writtenPage(headline = `Ethics policy ${crypto.randomUUID().slice(0, 8)}`) {
  const writer = await signInAs("writer");
  const page = await newPage();
  const saved = await save(page, { headline, seoDescription: SEO, body: paragraph("We check every fact twice.") });
  expect(saved.kind).toBe("saved");
  return { writer, page: (await getEditableStory(page.id))! };
}

async function step(id: string, name: "submit" | "approve" | "publishNow" | "unpublish" | "publishUpdate", note?: string) {
  const current = (await getEditableStory(id))!;
  return transitionStoryAction({ storyId: id, name, baseRevision: current.revision, note });
}

async function publicVersion() {
  const [row] = await db().select({ version: publication.publicVersion }).from(publication);
  return row?.version ?? 0;
}

beforeEach(() => {
  session.user = null;
});

describe("the page checklist", () => {
  const blank = { headline: "", dek: "", sectionId: null, bylines: [], body: paragraph("text"), featuredImageId: null, featuredImageAlt: "", slug: "", seoDescription: "" };

  it("asks a page for a headline and alt text, never a dek, section or byline", () => {
    expect(submitChecklist({ ...blank, kind: "page" })).toEqual(["Add a headline."]);
    expect(submitChecklist({ ...blank, kind: "story" })).toEqual(["Add a headline.", "Add a dek.", "Choose a section.", "Add at least one byline."]);
  });

  it("asks a page for a slug and a search snippet before it goes live", () => {
    expect(publishChecklist({ ...blank, kind: "page", headline: "About us" })).toEqual([
      "Give the page a slug.",
      "Write an SEO description of 50–160 characters (or a dek of that length).",
    ]);
  });
});

describe("writing a page", () => {
  it("is listed with the desk's pages, never with its stories", async () => {
    const { writer, page } = await writtenPage();
    expect(page.kind).toBe("page");
    const scope = { userId: writer.id, everyone: true };
    expect((await listDeskStories(scope)).map((row) => row.id)).not.toContain(page.id);
    expect((await listDeskStories(scope, { kind: "page" })).map((row) => row.id)).toContain(page.id);
  });

  it("keeps no section or tags, whatever the request sends", async () => {
    const { page } = await writtenPage();
    const [section] = await db().select({ id: sections.id }).from(sections).limit(1);
    const sectionId = section?.id ?? (await createReadyStory((await createUser()).id)).sectionId;
    expect((await save(page, { sectionId, tags: ["ethics"] })).kind).toBe("saved");
    expect(await getEditableStory(page.id)).toMatchObject({ sectionId: null, tags: [] });
  });

  it.each([
    ["a reserved word", "search", "“/search” is an address the site already uses. Choose another slug for the page."],
    ["the desk", "desk", "“/desk” is an address the site already uses. Choose another slug for the page."],
  ])("refuses a slug that is %s and changes nothing", async (_label, slug, error) => {
    const { page } = await writtenPage();
    expect(await save(page, { slug, slugLocked: true })).toEqual({ kind: "error", error });
    expect((await getEditableStory(page.id))!.revision).toBe(page.revision);
  });

  it("refuses a slug a section has, naming the section", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    await db().insert(sections).values({ name: `Opinion ${tag}`, slug: `opinion-${tag}` });
    const { page } = await writtenPage();
    expect(await save(page, { slug: `opinion-${tag}`, slugLocked: true })).toEqual({
      kind: "error",
      error: `The section “Opinion ${tag}” already lives at “/opinion-${tag}”. Choose another slug for the page.`,
    });
  });

  it("gives a headline that is a reserved word a free address of its own", async () => {
    const { page } = await writtenPage("Corrections");
    expect(page.slug).toMatch(/^corrections-\d+$/);
  });
});

describe("who may do what with a page", () => {
  it("lets its writer hand it in but not approve or publish it, and keeps it from other writers", async () => {
    const { writer, page } = await writtenPage();
    await signInAs("writer");
    expect(await save(page, { headline: "Taken over" })).toEqual({ kind: "error", error: "This story does not exist, or you cannot open it." });
    session.user = { id: writer.id, email: writer.email, displayName: writer.displayName, role: "writer", sessionVersion: 1 };
    expect(await step(page.id, "submit")).toHaveProperty("revision");
    expect(await step(page.id, "approve")).toEqual({ error: "You don't have permission to do that." });
    expect(await publicPageBySlug(page.slug)).toBeNull();
    expect((await getEditableStory(page.id))!).toMatchObject({ status: "in_review", headline: page.headline });
  });
});

describe("publishing a page", () => {
  it("goes through review to its own address, the footer and the sitemap, and nowhere stories are listed", async () => {
    const { page } = await writtenPage();
    expect(await step(page.id, "submit")).toHaveProperty("revision");
    await signInAs("editor");
    expect(await step(page.id, "approve")).toHaveProperty("revision");
    const before = await publicVersion();
    expect(await step(page.id, "publishNow")).toHaveProperty("revision");
    expect(await publicVersion()).toBeGreaterThan(before);

    const live = await publicPageBySlug(page.slug);
    expect(live).toMatchObject({ id: page.id, headline: page.headline, seoDescription: SEO });
    expect(live!.bodyHtml).toContain("We check every fact twice.");
    expect((await listPublicPages()).map((link) => link.slug)).toContain(page.slug);
    expect(await db().select().from(publicStories).where(eq(publicStories.storyId, page.id))).toEqual([]);
    expect((await latestStories(1000)).map((card) => card.id)).not.toContain(page.id);
    expect((await feedStories(null, 1000)).map((card) => card.id)).not.toContain(page.id);
    expect((await sitemapStories(50_000, 0)).map((story) => story.slug)).not.toContain(page.slug);
    expect((await searchStories("fact twice", 100, 0)).results.map((result) => result.id)).not.toContain(page.id);
  });

  it("is refused when a section took its address after it was written", async () => {
    const { page } = await writtenPage();
    await step(page.id, "submit");
    await signInAs("editor");
    await db().insert(sections).values({ name: "Late section", slug: page.slug });
    expect(await step(page.id, "approve")).toEqual({
      error: "The story is not ready yet.",
      missing: [`The section “Late section” already lives at “/${page.slug}”. Choose another slug for the page.`],
    });
    expect((await getEditableStory(page.id))!.status).toBe("in_review");
  });

  it("keeps its footer place through an update and leaves the footer when unpublished", async () => {
    const { page } = await writtenPage();
    await step(page.id, "submit");
    await signInAs("editor");
    await step(page.id, "approve");
    await step(page.id, "publishNow");
    const [{ footerPosition }] = await db().select().from(publicPages).where(eq(publicPages.storyId, page.id));
    expect((await save(page, { body: paragraph("We check every fact three times.") })).kind).toBe("saved");
    expect(await step(page.id, "publishUpdate")).toHaveProperty("revision");
    const [updated] = await db().select().from(publicPages).where(eq(publicPages.storyId, page.id));
    expect(updated).toMatchObject({ footerPosition });
    expect(updated.bodyHtml).toContain("three times");
    expect(updated.updatedAt).not.toBeNull();

    expect(await step(page.id, "unpublish", "Replaced by a new policy.")).toHaveProperty("revision");
    expect(await publicPageBySlug(page.slug)).toBeNull();
    expect((await listPublicPages()).map((link) => link.slug)).not.toContain(page.slug);
  });

  it("is left alone by the start-up step that brings published stories live", async () => {
    const writer = await createUser();
    const [page] = await db()
      .insert(stories)
      .values({ kind: "page", headline: "Imported page", slug: `imported-${crypto.randomUUID().slice(0, 8)}`, status: "published", publishedAt: new Date(), createdBy: writer.id })
      .returning();
    await bringPublishedStoriesLive();
    expect(await db().select().from(publicStories).where(eq(publicStories.storyId, page.id))).toEqual([]);
  });
});

describe("sections and pages", () => {
  it("refuses a section the slug of a page, naming the page", async () => {
    const { page } = await writtenPage();
    await signInAs("admin");
    const form = new FormData();
    form.append("name", "Ethics");
    form.append("slug", page.slug);
    expect(await createSectionAction({}, form)).toMatchObject({ error: `The page “${page.headline}” already uses “/${page.slug}”. Choose another slug.` });
    expect(await db().select().from(sections).where(eq(sections.slug, page.slug))).toEqual([]);
  });
});

describe("the footer order", () => {
  async function livePages(count: number) {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const { page } = await writtenPage();
      await step(page.id, "submit");
      await signInAs("editor");
      await step(page.id, "approve");
      await step(page.id, "publishNow");
      ids.push(page.id);
    }
    return ids;
  }
  const order = async () => (await db().select({ id: publicPages.storyId }).from(publicPages).orderBy(publicPages.footerPosition)).map((row) => row.id);
  const move = (pageId: string, direction: "up" | "down") => {
    const form = new FormData();
    form.append("pageId", pageId);
    form.append("direction", direction);
    return moveFooterPageAction({}, form);
  };

  it("puts a newly published page last and lets an admin move it up", async () => {
    const [first, second] = await livePages(2);
    const before = await order();
    expect(before.slice(-2)).toEqual([first, second]);
    await signInAs("admin");
    const version = await publicVersion();
    expect(await move(second, "up")).toEqual({ success: "Footer order saved." });
    expect((await order()).slice(-2)).toEqual([second, first]);
    expect(await publicVersion()).toBeGreaterThan(version);
  });

  it.each(["writer", "editor"] as const)("refuses a %s and changes nothing", async (role) => {
    const [, last] = await livePages(2);
    const before = await order();
    await signInAs(role);
    expect(await move(last, "up")).toEqual({ error: "You don't have permission to do that." });
    expect(await order()).toEqual(before);
  });

  it("answers a page that is not published with a sentence", async () => {
    const { page } = await writtenPage();
    await signInAs("admin");
    expect(await move(page.id, "up")).toEqual({ error: "That page is no longer published." });
  });
});
