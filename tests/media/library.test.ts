import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { media, publication, stories, users } from "@/db/schema";
import { createReadyStory, createUser } from "../support/factories";
import { createSection, createStory, publishUpdate } from "../support/public-stories";
import * as fixture from "./fixtures";

const previousDataDir = process.env.DATA_DIR;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-library-"));
process.env.DATA_DIR = dataDir;

// The actions' only window on who is asking; everything after it is the real code.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { storeUpload } = await import("@/lib/media/upload");
const { insertMedia } = await import("@/db/queries/media");
const { listLibrary, mediaUsages, LIBRARY_PAGE_SIZE } = await import("@/db/queries/media-library");
const { describeUsage } = await import("@/lib/media/usage");
const { saveMediaDetailsAction, deleteMediaAction } = await import("@/app/(desk)/desk/media/actions");
const { FORBIDDEN } = await import("@/lib/server-action");

await db().insert(publication).values({ id: 1, name: "The Test Ledger" }).onConflictDoNothing();

afterAll(() => {
  process.env.DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  session.user = null;
});

function signIn(user: { id: string; email: string; displayName: string; role: "writer" | "editor" | "admin" }) {
  session.user = { id: user.id, email: user.email, displayName: user.displayName, role: user.role, sessionVersion: 1 };
}

async function upload(uploadedBy: string | null, details: Partial<{ alt: string; caption: string; credit: string; originalName: string }> = {}) {
  const row = await insertMedia({ id: crypto.randomUUID(), uploadedBy, originalName: "photo.png", mimeType: "image/png", width: 1200, height: 800, bytes: 1234 });
  if (Object.keys(details).length > 0) await db().update(media).set(details).where(eq(media.id, row.id));
  return row.id;
}

const src = (id: string) => `/media/${id}/w960.webp`;
const storyImage = (id: string) => ({ type: "storyImage", attrs: { src: src(id), alt: "A view" } });
const gallery = (...ids: string[]) => ({ type: "storyGallery", content: ids.map((id) => ({ type: "galleryImage", attrs: { src: src(id), alt: "A view" } })) });
const body = (...nodes: object[]) => ({ type: "doc", content: nodes });

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("where an image is used", () => {
  it("finds bodies, galleries, featured images, avatars, the logo and the default social image, and nothing for an unused one", async () => {
    const writer = await createUser();
    const [inBody, inGallery, featured, avatar, logo, unused] = await Promise.all([1, 2, 3, 4, 5, 6].map(() => upload(writer.id)));
    const story = await createReadyStory(writer.id, "draft", {
      headline: "Harbour dredging",
      body: body(storyImage(inBody), gallery(inGallery, inBody)),
      featuredImageId: featured,
    });
    await db().update(users).set({ avatarMediaId: avatar }).where(eq(users.id, writer.id));
    await db().update(publication).set({ logoMediaId: logo, socialImageMediaId: logo });

    const usages = await mediaUsages([inBody, inGallery, featured, avatar, logo, unused, "not-a-uuid"]);
    const place = { storyId: story.id, headline: "Harbour dredging", live: false };
    expect(usages.get(inBody)).toEqual([
      { kind: "body", ...place },
      { kind: "gallery", ...place },
    ]);
    expect(usages.get(inGallery)).toEqual([{ kind: "gallery", ...place }]);
    expect(usages.get(featured)).toEqual([{ kind: "featured", ...place }]);
    expect(usages.get(avatar)).toEqual([{ kind: "avatar", userId: writer.id, name: writer.displayName }]);
    expect(usages.get(logo)).toEqual([{ kind: "logo" }, { kind: "socialImage" }]);
    expect(usages.get(unused)).toEqual([]);
    expect(usages.has("not-a-uuid")).toBe(false);
    expect(usages.get(inBody)!.map(describeUsage)).toEqual(["in the body of “Harbour dredging”", "in a gallery in “Harbour dredging”"]);
    await db().update(publication).set({ logoMediaId: null, socialImageMediaId: null });
  });

  it("keeps counting an image the published version still shows after the draft dropped it", async () => {
    const writer = await createUser();
    const section = await createSection();
    const image = await upload(writer.id);
    const story = await createStory({ sectionId: section.id, authorIds: [writer.id], headline: "Lighthouse reopens" });
    await publishUpdate(story.id, { body: body(storyImage(image)) });
    await db().update(stories).set({ body: body() }).where(eq(stories.id, story.id));

    expect((await mediaUsages([image])).get(image)).toEqual([{ kind: "body", storyId: story.id, headline: "Lighthouse reopens", live: true }]);
    expect(describeUsage({ kind: "body", storyId: story.id, headline: "Lighthouse reopens", live: true })).toBe(
      "in the body of “Lighthouse reopens” (published version)",
    );
  });
});

describe("the library's list", () => {
  it("finds images by every word across alt text, caption, credit, file name and uploader, and filters by uploader", async () => {
    const word = `walrus${crypto.randomUUID().slice(0, 6)}`;
    const [first, second] = [await createUser(), await createUser()];
    const both = await upload(first.id, { alt: `A ${word} on the pier`, credit: "Ana Ruiz" });
    const captionOnly = await upload(second.id, { caption: `The ${word.toUpperCase()} sleeps` });
    await upload(first.id, { originalName: `${word}-notes.txt`.replace("walrus", "seal") });

    expect((await listLibrary({ words: word })).items.map((item) => item.id).sort()).toEqual([both, captionOnly].sort());
    expect((await listLibrary({ words: `${word} ruiz` })).items.map((item) => item.id)).toEqual([both]);
    expect((await listLibrary({ words: `${word} ${second.displayName}` })).items.map((item) => item.id)).toEqual([captionOnly]);
    const mine = await listLibrary({ words: word, uploaderId: second.id });
    expect(mine).toMatchObject({ total: 1, items: [{ id: captionOnly, uploaderName: second.displayName, caption: `The ${word.toUpperCase()} sleeps` }] });
    // % and _ are letters to search for, not patterns.
    expect((await listLibrary({ words: `${word}%` })).total).toBe(0);
  });

  it("comes in pages of 50, newest first", async () => {
    const writer = await createUser();
    for (let index = 0; index < LIBRARY_PAGE_SIZE + 2; index++) await upload(writer.id);
    const first = await listLibrary({ uploaderId: writer.id });
    const second = await listLibrary({ uploaderId: writer.id, page: 2 });
    expect(first.total).toBe(LIBRARY_PAGE_SIZE + 2);
    expect(first.items).toHaveLength(LIBRARY_PAGE_SIZE);
    expect(second.items).toHaveLength(2);
    const times = [...first.items, ...second.items].map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe("editing an image's details", () => {
  it("is for the uploader and the desk's editors, trimmed and length-checked", async () => {
    const [owner, otherWriter, editor] = [await createUser(), await createUser(), await createUser({ role: "editor" })];
    const image = await upload(owner.id);
    const fields = (alt: string) => form({ mediaId: image, alt, caption: "Boats at dawn", credit: "Ana Ruiz" });

    signIn({ ...otherWriter, role: "writer" });
    expect(await saveMediaDetailsAction({}, fields("Someone else's words"))).toEqual({ error: FORBIDDEN });
    signIn({ ...owner, role: "writer" });
    expect(await saveMediaDetailsAction({}, fields("  Harbour at dawn  "))).toEqual({ success: "Saved." });
    signIn({ ...editor, role: "editor" });
    expect(await saveMediaDetailsAction({}, fields("x".repeat(501)))).toEqual({ error: "Keep the alt text under 500 characters." });
    expect(await saveMediaDetailsAction({}, form({ mediaId: crypto.randomUUID(), alt: "", caption: "", credit: "" }))).toEqual({
      error: "That image is no longer in the library: reload the page.",
    });
    const [row] = await db().select().from(media).where(eq(media.id, image));
    expect(row).toMatchObject({ alt: "Harbour at dawn", caption: "Boats at dawn", credit: "Ana Ruiz" });
  });
});

describe("deleting an image", () => {
  it("is refused while anything shows it, naming the places, and changes nothing", async () => {
    const writer = await createUser();
    signIn({ ...writer, role: "writer" });
    const stored = await storeUpload(await fixture.pattern(600, 400).png().toBuffer(), "pier.png", writer.id);
    await createReadyStory(writer.id, "draft", { headline: "Pier closes", featuredImageId: stored.id, body: body(gallery(stored.id, stored.id)) });

    expect(await deleteMediaAction({}, form({ mediaId: stored.id }))).toEqual({
      error: "This image can't be deleted while it is used: the featured image of “Pier closes”; in a gallery in “Pier closes”. Remove it from there first.",
    });
    expect(await db().select({ id: media.id }).from(media).where(eq(media.id, stored.id))).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, "media", stored.id))).toBe(true);
  });

  it("of an unused image removes its row and its files; only its uploader or an admin may", async () => {
    const [owner, other, admin] = [await createUser(), await createUser(), await createUser({ role: "admin" })];
    const stored = await storeUpload(await fixture.pattern(600, 400).png().toBuffer(), "gull.png", owner.id);
    const another = await storeUpload(await fixture.pattern(600, 400).png().toBuffer(), "tern.png", owner.id);

    signIn({ ...other, role: "writer" });
    expect(await deleteMediaAction({}, form({ mediaId: stored.id }))).toEqual({ error: FORBIDDEN });
    signIn({ ...owner, role: "writer" });
    expect(await deleteMediaAction({}, form({ mediaId: stored.id }))).toEqual({ success: "Image deleted." });
    expect(await db().select({ id: media.id }).from(media).where(eq(media.id, stored.id))).toHaveLength(0);
    expect(fs.existsSync(path.join(dataDir, "media", stored.id))).toBe(false);
    expect(await deleteMediaAction({}, form({ mediaId: stored.id }))).toEqual({ error: "That image is no longer in the library: reload the page." });
    signIn({ ...admin, role: "admin" });
    expect(await deleteMediaAction({}, form({ mediaId: another.id }))).toEqual({ success: "Image deleted." });
  });
});
