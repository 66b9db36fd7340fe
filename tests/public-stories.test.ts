import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { takeStoryDown } from "@/db/queries/live-stories";
import { authorBySlug, tagBySlug } from "@/db/queries/public-lookups";
import { readPublicState } from "@/db/queries/public-publication";
import { MATCH_END, MATCH_START, searchStories } from "@/db/queries/public-search";
import {
  authorStories,
  feedStories,
  latestStories,
  listCorrections,
  publicStoryAtAddress,
  resolveStoryAddress,
  sectionStories,
} from "@/db/queries/public-stories";
import { publication } from "@/db/schema";
import { createUser } from "./support/factories";
import { createSection, createStory, publishUpdate, unique } from "./support/public-stories";

await db().insert(publication).values({ id: 1, name: "The Test Ledger" }).onConflictDoNothing();

describe("story addresses", () => {
  it("resolve to the live story, 301 from an old slug, 410 once unpublished and 404 for anything else", async () => {
    const author = await createUser();
    const section = await createSection();
    const story = await createStory({ sectionId: section.id, authorIds: [author.id] });
    expect(await resolveStoryAddress(section.slug, story.slug!)).toEqual({ kind: "live", storyId: story.id });

    const otherSection = await createSection();
    const movedSlug = `moved-${unique()}`;
    await publishUpdate(story.id, { slug: movedSlug, sectionId: otherSection.id });
    expect(await resolveStoryAddress(section.slug, story.slug!)).toEqual({ kind: "moved", storyId: story.id, sectionSlug: otherSection.slug, slug: movedSlug });
    expect(await resolveStoryAddress(otherSection.slug, movedSlug)).toEqual({ kind: "live", storyId: story.id });
    expect(await publicStoryAtAddress(section.slug, story.slug!)).toBeNull();
    expect((await publicStoryAtAddress(otherSection.slug, movedSlug))?.id).toBe(story.id);

    await db().transaction((tx) => takeStoryDown(tx, story.id));
    expect(await resolveStoryAddress(section.slug, story.slug!)).toEqual({ kind: "gone", storyId: story.id });
    expect(await resolveStoryAddress(otherSection.slug, movedSlug)).toEqual({ kind: "gone", storyId: story.id });
    expect(await resolveStoryAddress(section.slug, "never-existed")).toEqual({ kind: "missing" });
  });

  it("of drafts, scheduled and in-review stories are unknown, exactly like addresses that never existed", async () => {
    const author = await createUser();
    const section = await createSection();
    for (const status of ["draft", "scheduled", "in_review"] as const) {
      const story = await createStory({ sectionId: section.id, authorIds: [author.id], status });
      expect(await resolveStoryAddress(section.slug, story.slug!)).toEqual({ kind: "missing" });
    }
  });
});

describe("public lists", () => {
  it("carry only live stories, newest first, with bylines in order", async () => {
    const [first, second] = [await createUser(), await createUser()];
    const section = await createSection();
    const older = await createStory({ sectionId: section.id, authorIds: [first.id], publishedAt: new Date(Date.now() - 60_000) });
    const newer = await createStory({ sectionId: section.id, authorIds: [second.id, first.id] });
    const draft = await createStory({ sectionId: section.id, authorIds: [first.id], status: "draft" });

    const front = await sectionStories(section.id, 10, 0);
    expect(front.total).toBe(2);
    expect(front.stories.map((story) => story.id)).toEqual([newer.id, older.id]);
    expect(front.stories[0].bylines.map((byline) => byline.slug)).toEqual([second.slug, first.slug]);
    expect((await latestStories(50)).map((story) => story.id)).not.toContain(draft.id);
    expect((await authorStories(first.id, 10, 0)).stories.map((story) => story.id)).toEqual([newer.id, older.id]);
    expect((await feedStories(section.id, 50)).map((story) => story.id)).toEqual([newer.id, older.id]);

    await db().transaction((tx) => takeStoryDown(tx, newer.id));
    expect((await sectionStories(section.id, 10, 0)).stories.map((story) => story.id)).toEqual([older.id]);
  });

  it("give author and tag pages only to people and tags with a public story", async () => {
    const [published, unpublished] = [await createUser(), await createUser()];
    const section = await createSection();
    const tag = `Tide tables ${unique()}`;
    await createStory({ sectionId: section.id, authorIds: [published.id], tags: [tag] });
    const hiddenTag = `Secret plans ${unique()}`;
    await createStory({ sectionId: section.id, authorIds: [unpublished.id], tags: [hiddenTag], status: "draft" });
    expect(await authorBySlug(published.slug)).toMatchObject({ id: published.id });
    expect(await authorBySlug(unpublished.slug)).toBeNull();
    expect(await tagBySlug(tag.toLowerCase().replace(/ /g, "-"))).toMatchObject({ name: tag });
    expect(await tagBySlug(hiddenTag.toLowerCase().replace(/ /g, "-"))).toBeNull();
  });

  it("relate stories sharing a tag before the rest of the section", async () => {
    const author = await createUser();
    const [home, elsewhere] = [await createSection(), await createSection()];
    const tag = `Ferries ${unique()}`;
    const story = await createStory({ sectionId: home.id, authorIds: [author.id], tags: [tag] });
    const sameSection = await createStory({ sectionId: home.id, authorIds: [author.id] });
    const sameTag = await createStory({ sectionId: elsewhere.id, authorIds: [author.id], tags: [tag], publishedAt: new Date(Date.now() - 3_600_000) });
    await createStory({ sectionId: elsewhere.id, authorIds: [author.id] });
    const { related } = (await publicStoryAtAddress(home.slug, story.slug!))!;
    expect(related.map((r) => r.id)).toEqual([sameTag.id, sameSection.id]);
    expect(related[0]).toMatchObject({ sectionSlug: elsewhere.slug, bylines: [{ id: author.id }] });
    expect(related[0].publishedAt).toEqual(sameTag.publishedAt);
  });

  it("show corrections at the end of the story and on the corrections list, newest first", async () => {
    const author = await createUser();
    const section = await createSection();
    const story = await createStory({ sectionId: section.id, authorIds: [author.id] });
    await publishUpdate(story.id, { headline: "Corrected headline" }, { kind: "correction", note: "An earlier version misspelt the harbourmaster's name." });
    await publishUpdate(story.id, { dek: "A newer dek that still stands in for the SEO description well." }, { kind: "update", note: "Adds the council's reply." });
    const live = (await publicStoryAtAddress(section.slug, story.slug!))!;
    expect(live.headline).toBe("Corrected headline");
    expect(live.updatedAt).toBeInstanceOf(Date);
    expect(live.corrections.map((c) => c.kind)).toEqual(["correction", "update"]);
    const { corrections } = await listCorrections(2, 0);
    expect(corrections.map((c) => c.note)).toEqual(["Adds the council's reply.", "An earlier version misspelt the harbourmaster's name."]);
  });

  it("bump the public version with every change readers can see", async () => {
    const author = await createUser();
    const section = await createSection();
    const before = (await readPublicState()).version;
    const story = await createStory({ sectionId: section.id, authorIds: [author.id] });
    const published = (await readPublicState()).version;
    expect(published).toBeGreaterThan(before);
    await db().transaction((tx) => takeStoryDown(tx, story.id));
    expect((await readPublicState()).version).toBeGreaterThan(published);
  });
});

describe("search", () => {
  it("ranks headline matches first and marks matched words in the snippet", async () => {
    const author = await createUser();
    const section = await createSection();
    const word = `zanzibarite${unique().replace(/[0-9]/g, "")}`;
    const bodyMatch = await createStory({ sectionId: section.id, authorIds: [author.id], text: `Divers found ${word} near the pier.` });
    const headlineMatch = await createStory({ sectionId: section.id, authorIds: [author.id], headline: `The ${word} mystery`, publishedAt: new Date(Date.now() - 86_400_000) });
    await createStory({ sectionId: section.id, authorIds: [author.id], text: `Draft about ${word}.`, status: "draft" });
    const { results, total } = await searchStories(word, 10, 0);
    expect(total).toBe(2);
    expect(results.map((r) => r.id)).toEqual([headlineMatch.id, bodyMatch.id]);
    expect(results[1].snippet).toContain(`${MATCH_START}${word}${MATCH_END}`);
  });

  it("ranks only the newest matches of a common word, and says there are more", async () => {
    const author = await createUser();
    const section = await createSection();
    const word = `quahog${unique().replace(/[0-9]/g, "")}`;
    const oldest = await createStory({ sectionId: section.id, authorIds: [author.id], headline: `The ${word} ${word} story`, publishedAt: new Date(Date.now() - 3 * 86_400_000) });
    const newer = [
      await createStory({ sectionId: section.id, authorIds: [author.id], text: `A ${word} washed up.`, publishedAt: new Date(Date.now() - 86_400_000) }),
      await createStory({ sectionId: section.id, authorIds: [author.id], text: `Another ${word} washed up.` }),
    ];
    const capped = await searchStories(word, 10, 0, 2);
    expect(capped).toMatchObject({ total: 2, moreThanRanked: true });
    expect(capped.results.map((r) => r.id).sort()).toEqual(newer.map((story) => story.id).sort());
    const all = await searchStories(word, 10, 0);
    expect(all).toMatchObject({ total: 3, moreThanRanked: false });
    expect(all.results[0].id).toBe(oldest.id);
  });

  it.each([
    '"unterminated quote',
    "harbour -wall or or or",
    "a & | ! ( ) : * <-> \\",
    "'; drop table public_stories; --",
    "🌊🐟 emoji only",
    "the and of",
    "x".repeat(200),
  ])("answers %j with results or nothing, never an error", async (query) => {
    const { results, total } = await searchStories(query, 10, 0);
    expect(results.length).toBeLessThanOrEqual(total);
  });
});
