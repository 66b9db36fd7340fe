import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { createDraft } from "@/db/queries/stories";
import { saveStoryDraft, type StoryDraft } from "@/db/queries/story-drafts";
import { AUTOSAVE_SNAPSHOT_INTERVAL_MS } from "@/db/queries/story-revisions";
import { storyRevisions, storyTags, tags } from "@/db/schema";
import { createUser } from "./support/factories";

const draft = (text: string, extra: Partial<StoryDraft> = {}): StoryDraft => ({
  headline: text,
  dek: "",
  slug: "",
  slugLocked: false,
  sectionId: null,
  seoTitle: "",
  seoDescription: "",
  featuredImageId: null,
  featuredImageAlt: "",
  featuredImageCaption: "",
  featuredImageCredit: "",
  tags: [],
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
  wordCount: 1,
  ...extra,
});

async function revisionsOf(storyId: string) {
  return db().select().from(storyRevisions).where(eq(storyRevisions.storyId, storyId));
}

describe("revision snapshots", () => {
  it("coalesce one person's autosaves within the interval, but keep explicit saves", async () => {
    const writer = await createUser();
    const id = await createDraft(writer.id);
    let revision = 1;
    for (const text of ["one", "two", "three"]) {
      const result = await saveStoryDraft(id, revision, draft(text), writer.id, "autosave");
      if (result.kind !== "saved") throw new Error(result.kind);
      revision = result.revision;
    }
    let snapshots = await revisionsOf(id);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ reason: "autosave", headline: "three", revision });

    await saveStoryDraft(id, revision++, draft("four"), writer.id, "save");
    snapshots = await revisionsOf(id);
    expect(snapshots.map((snapshot) => snapshot.reason).sort()).toEqual(["autosave", "save"]);
  });

  it("start a new autosave snapshot once the interval has passed", async () => {
    const writer = await createUser();
    const id = await createDraft(writer.id);
    await saveStoryDraft(id, 1, draft("early"), writer.id, "autosave");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + AUTOSAVE_SNAPSHOT_INTERVAL_MS + 1000);
    try {
      await saveStoryDraft(id, 2, draft("later"), writer.id, "autosave");
    } finally {
      vi.useRealTimers();
    }
    expect((await revisionsOf(id)).map((snapshot) => snapshot.headline).sort()).toEqual(["early", "later"]);
  });
});

describe("tags", () => {
  it("are normalized and shared between stories", async () => {
    const writer = await createUser();
    const first = await createDraft(writer.id);
    const second = await createDraft(writer.id);
    const unique = `Tide Tables ${first.slice(0, 6)}`;
    await saveStoryDraft(first, 1, draft("a", { tags: [`  ${unique} `, unique.toLowerCase(), ""] }), writer.id, "save");
    await saveStoryDraft(second, 1, draft("b", { tags: [unique.toUpperCase().replace(" ", "   ")] }), writer.id, "save");
    const rows = await db()
      .select({ storyId: storyTags.storyId, name: tags.name, slug: tags.slug })
      .from(storyTags)
      .innerJoin(tags, eq(storyTags.tagId, tags.id))
      .where(eq(tags.name, unique));
    expect(rows.map((row) => row.storyId).sort()).toEqual([first, second].sort());
  });
});

describe("slugs", () => {
  it("follow the headline, stay unique, and refuse a hand-set slug that is taken", async () => {
    const writer = await createUser();
    const headline = `Regatta postponed ${writer.id.slice(0, 8)}`;
    const first = await createDraft(writer.id);
    const second = await createDraft(writer.id);
    const a = await saveStoryDraft(first, 1, draft(headline), writer.id, "save");
    const b = await saveStoryDraft(second, 1, draft(headline), writer.id, "save");
    expect(a).toMatchObject({ kind: "saved", slug: `regatta-postponed-${writer.id.slice(0, 8)}` });
    expect(b).toMatchObject({ kind: "saved", slug: `regatta-postponed-${writer.id.slice(0, 8)}-2` });
    const clash = await saveStoryDraft(second, 2, draft(headline, { slug: (a as { slug: string }).slug, slugLocked: true }), writer.id, "save");
    expect(clash).toEqual({ kind: "invalid", error: `The slug "${(a as { slug: string }).slug}" is already used by another story.` });
  });
});
