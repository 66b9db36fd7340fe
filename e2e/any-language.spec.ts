import { type Page } from "@playwright/test";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { StoryEditorPage } from "./support/story-editor-page";

/** An editor writes a story in the desk and publishes it; returns the slug the desk gave it. */
async function publishStory(page: Page, headline: string, tags: string) {
  const slug = await new StoryEditorPage(page).approvedStory({ headline, tags, text: "The ferries run again from Monday." });
  await page.getByRole("region", { name: "Publishing" }).getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  return slug;
}

test("stories and tags named in any script get readable addresses that open", async ({ page, request }) => {
  test.slow();
  await signInAsNewStaff(page, "editor");
  const run = Date.now().toString(36);

  const headline = `東京 مرحبا ${run}`;
  const slug = await publishStory(page, headline, "Київ, Straße, Øresund, 🔥");
  expect(slug).toBe(`東京-مرحبا-${run}`);
  const path = `/news/${encodeURIComponent(slug)}`;

  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  const tags = page.getByRole("main").getByRole("list", { name: "Tags" });
  for (const [name, tagSlug] of [["Київ", "kiyiv"], ["Straße", "strasse"], ["Øresund", "oresund"], ["🔥", "1f525"]]) {
    await expect(tags.getByRole("link", { name, exact: true })).toHaveAttribute("href", `/tags/${tagSlug}`);
  }
  await tags.getByRole("link", { name: "Київ" }).click();
  await expect(page).toHaveURL(/\/tags\/kiyiv$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Київ");
  await page.getByRole("link", { name: headline }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  expect(new URL(page.url()).pathname).toBe(path);

  // Feeds and sitemaps carry the address percent-encoded, as URLs in XML must be.
  expect(await (await request.get("/feed.xml")).text()).toContain(`/news/${encodeURIComponent(slug)}</link>`);

  const emojiSlug = await publishStory(page, "🔥🎉", "🔥");
  expect(emojiSlug).toMatch(/^1f525-1f389(-\d+)?$/);
  const emojiPage = await page.goto(`/news/${emojiSlug}`);
  expect(emojiPage?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("🔥🎉");
  await page.goto("/tags/1f525");
  await expect(page.getByRole("main").getByRole("link", { name: "🔥🎉" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: headline })).toBeVisible();
});
