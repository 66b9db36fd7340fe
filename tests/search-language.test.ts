import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { getPublication, updatePublication } from "@/db/queries/publication";
import { MATCH_END, MATCH_START, searchStories } from "@/db/queries/public-search";
import { publication } from "@/db/schema";
import { ensurePublication } from "@/db/seed";
import { SEARCH_CONFIGS, searchConfigFor } from "@/lib/search-language";
import { createUser } from "./support/factories";
import { createSection, createStory, unique } from "./support/public-stories";

await db().insert(publication).values({ id: 1, name: "The Test Ledger" }).onConflictDoNothing();
const original = await getPublication();
const speak = (language: string) => updatePublication({ name: original.name, description: original.description, timezone: original.timezone, language });

afterAll(() => speak(original.language));

async function found(query: string, storyId: string): Promise<boolean> {
  const { results } = await searchStories(query, 50, 0);
  return results.some((result) => result.id === storyId);
}

describe("search in the publication's language", () => {
  it("maps language codes to configurations this database has, and anything else to simple", async () => {
    const { rows } = await db().execute<{ cfgname: string }>(sql`select cfgname from pg_ts_config`);
    const installed = new Set(rows.map((row) => row.cfgname));
    expect(SEARCH_CONFIGS.filter((config) => !installed.has(config))).toEqual([]);
    expect(searchConfigFor("de")).toBe("german");
    expect(searchConfigFor("de-AT")).toBe("german");
    expect(searchConfigFor("pt-BR")).toBe("portuguese");
    expect(searchConfigFor("uk")).toBe("simple");
    expect(searchConfigFor("et")).toBe("simple");
  });

  it("finds “Häuser” when a German reader searches “Haus”, after re-indexing stories published in English", async () => {
    await speak("en");
    const author = await createUser();
    const section = await createSection();
    const marker = `marker${unique()}`;
    const story = await createStory({ sectionId: section.id, authorIds: [author.id], headline: `Neue Häuser am Hafen ${marker}`, text: "Die Stadt baut Wohnungen." });
    expect(await found(marker, story.id)).toBe(true);
    expect(await found("Haus", story.id)).toBe(false);

    await speak("de");
    expect(await found("Haus", story.id)).toBe(true);
    expect(await found("Wohnung", story.id)).toBe(true);
    const { results } = await searchStories("Wohnung", 50, 0);
    expect(results.find((result) => result.id === story.id)?.snippet).toContain(`${MATCH_START}Wohnungen${MATCH_END}`);

    const later = await createStory({ sectionId: section.id, authorIds: [author.id], headline: `Das Haus am See ${marker}` });
    expect(await found("Häuser", later.id)).toBe(true);
  });

  it("re-indexes at start a newsroom whose language was set before search followed it", async () => {
    await speak("en");
    const author = await createUser();
    const section = await createSection();
    const story = await createStory({ sectionId: section.id, authorIds: [author.id], headline: `Neue Häuser ${unique()}` });
    // What an earlier version leaves: a German newsroom indexed in English.
    await db().update(publication).set({ language: "de" });
    expect(await found("Haus", story.id)).toBe(false);
    await ensurePublication(db());
    expect(await found("Haus", story.id)).toBe(true);
    expect((await db().select({ config: publication.searchConfig }).from(publication))[0].config).toBe("german");
  });

  it("matches Ukrainian words as written, with no stemmer to lean on", async () => {
    await speak("uk");
    const author = await createUser();
    const section = await createSection();
    const story = await createStory({ sectionId: section.id, authorIds: [author.id], headline: `Новий міст у Києві ${unique()}` });
    expect(await found("Києві", story.id)).toBe(true);
    expect(await found("міст", story.id)).toBe(true);
    const [{ config }] = (await db().execute<{ config: string }>(sql`select search_config::text as config from public_stories where story_id = ${story.id}`)).rows;
    expect(config).toBe("simple");
  });
});
