import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import type { BrowserContext } from "@playwright/test";
import * as schema from "../db/schema";
import { testDb } from "./support/database";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { waitUntilLive } from "./support/public-site";
import { servers } from "./support/servers";
import { StoryEditorPage } from "./support/story-editor-page";

const YOUTUBE = "https://youtu.be/aqz-KE-bpKQ";
const DATAWRAPPER = "https://datawrapper.dwcdn.net/Ab3dE/2/";
const OWN_ORIGIN = `http://localhost:${servers.newsroom.port}`;

/** A paste as the browser delivers it: plain text on the clipboard event. */
async function paste(editor: StoryEditorPage, text: string) {
  await editor.body().evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Every request the reader's browser makes; anything for another origin is answered here, so nothing leaves the machine. */
async function recordRequests(context: BrowserContext): Promise<string[]> {
  const requested: string[] = [];
  context.on("request", (request) => requested.push(request.url()));
  await context.route(
    (url) => url.origin !== OWN_ORIGIN,
    (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Player</title><p>Player stand-in</p>" }),
  );
  return requested;
}

const thirdParty = (requested: string[]) => requested.filter((url) => !url.startsWith(`${OWN_ORIGIN}/`) && !url.startsWith("data:"));

test.describe.serial("embeds, privacy first", () => {
  let storyPath = "";

  test("a writer pastes a YouTube and a Datawrapper link on lines of their own and gets embeds", async ({ page }) => {
    await signInAsNewStaff(page, "writer");
    const editor = new StoryEditorPage(page);
    const storyUrl = await editor.createStory();
    const headline = `Embeds ${crypto.randomBytes(3).toString("hex")}`;
    await page.getByLabel("Headline").fill(headline);

    await editor.body().click();
    await page.keyboard.type("The harbour board met on Monday.");
    await page.keyboard.press("Enter");
    await paste(editor, YOUTUBE);
    await page.keyboard.press("Enter");
    await paste(editor, DATAWRAPPER);
    await page.keyboard.press("Enter");
    await page.keyboard.type("Watch https://youtu.be/aqz-KE-bpKQ here.");

    const youtube = editor.body().locator('figure[data-embed="youtube"]');
    const chart = editor.body().locator('figure[data-embed="datawrapper"]');
    await expect(youtube).toContainText("Big Buck Bunny 60fps 4K - Official Blender Foundation Short Film");
    await expect(youtube).toContainText("Blender");
    await expect(youtube.locator("img")).toHaveAttribute("src", /^\/media\/[0-9a-f-]{36}\/w480\.webp$/);
    await expect(chart).toContainText("Where the city's rents rose fastest");
    // A link among words stays a link.
    await expect(editor.body().getByRole("link", { name: "https://youtu.be/aqz-KE-bpKQ" })).toBeVisible();
    await expect(editor.body().locator("figure[data-embed]")).toHaveCount(2);
    await editor.expectSaved();

    await page.reload();
    await expect(editor.body().locator("figure[data-embed]")).toHaveCount(2);

    // Publishing is the desk's step, tested elsewhere; the scheduler puts the story live through the real path.
    const storyId = /stories\/([0-9a-f-]{36})\/edit/.exec(storyUrl)![1];
    const db = testDb(servers.newsroom);
    const [news] = await db.select().from(schema.sections).where(eq(schema.sections.slug, "news"));
    const slug = `embeds-${crypto.randomBytes(4).toString("hex")}`;
    await db
      .update(schema.stories)
      .set({ status: "scheduled", publishAt: new Date(), sectionId: news.id, slug, dek: "The harbour board met on Monday: the meeting on video, and the rents chart it discussed." })
      .where(eq(schema.stories.id, storyId));
    storyPath = `/news/${slug}`;
    await waitUntilLive(page.request, storyPath);
  });

  // Each test's own page is a signed-out reader's, watched for Content-Security-Policy violations.
  test("the published page asks no other origin for anything until the reader loads an embed", async ({ page, context }) => {
    const requested = await recordRequests(context);
    await page.goto(storyPath);
    await page.waitForLoadState("networkidle");

    const video = page.locator('figure[data-embed="youtube"]');
    await expect(video.getByRole("button", { name: "Load content from YouTube" })).toBeVisible();
    await expect(page.locator('figure[data-embed="datawrapper"]').getByRole("button", { name: "Load content from Datawrapper" })).toBeVisible();
    await expect(video.getByRole("link", { name: "Big Buck Bunny 60fps 4K - Official Blender Foundation Short Film" })).toHaveAttribute(
      "href",
      "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
    );
    await expect(video.locator("img")).toHaveAttribute("src", /^\/media\//);
    await expect(page.locator("iframe")).toHaveCount(0);
    const { violations } = await new AxeBuilder({ page }).include("article").analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
    expect(requested.length).toBeGreaterThan(3);
    expect(thirdParty(requested)).toEqual([]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("readers get a plain link, never a player", async ({ page, context }) => {
      const requested = await recordRequests(context);
      await page.goto(storyPath);
      await expect(page.getByRole("link", { name: "Where the city's rents rose fastest" })).toHaveAttribute("href", DATAWRAPPER);
      await expect(page.getByRole("button", { name: /Load content/ })).toHaveCount(0);
      expect(thirdParty(requested)).toEqual([]);
    });
  });

  test("feeds get a plain link, never a player", async ({ request }) => {
    const feed = await (await request.get("/feed.xml")).text();
    const item = feed.slice(feed.indexOf(storyPath));
    expect(item).toContain('href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"');
    expect(item.slice(0, item.indexOf("</item>"))).not.toMatch(/<iframe|<script/);
  });

  test("after the click the player loads from the allowlisted origin only", async ({ page, context }) => {
    const requested = await recordRequests(context);
    await page.goto(storyPath);
    await page.getByRole("button", { name: "Load content from YouTube" }).click();

    const player = page.locator('figure[data-embed="youtube"] iframe');
    await expect(player).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1");
    await expect(player).toHaveAttribute("title", "YouTube: Big Buck Bunny 60fps 4K - Official Blender Foundation Short Film");
    await expect.poll(() => thirdParty(requested)).toEqual(["https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"]);
    // The chart stays a facade until it is asked for too.
    await expect(page.locator('figure[data-embed="datawrapper"] iframe')).toHaveCount(0);
  });
});

test("the Embed button asks for a link; a link from elsewhere gets a sentence and stays out", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await page.getByRole("button", { name: "Embed a video, post, chart or map" }).click();
  const form = page.getByRole("form", { name: "Embed" });
  await form.getByLabel("Link to embed").fill("https://example.com/clip");
  await form.getByRole("button", { name: "Embed", exact: true }).click();
  await expect(form.getByRole("alert")).toHaveText(/^This link cannot be embedded: only links from YouTube, Vimeo, X, Bluesky/);
  await expect(editor.body().locator("figure[data-embed]")).toHaveCount(0);

  await form.getByLabel("Link to embed").fill("https://vimeo.com/1084537");
  await form.getByRole("button", { name: "Embed", exact: true }).click();
  await expect(editor.body().locator('figure[data-embed="vimeo"]')).toContainText("Sintel");
  await expect(form).toHaveCount(0);
  await editor.expectSaved();
});

test("a link the provider cannot describe stays a link, and the editor says why", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await editor.body().click();
  await paste(editor, "https://youtu.be/unavailable");
  await expect(page.getByRole("status").filter({ hasText: "YouTube did not describe this link" })).toHaveText(
    "YouTube did not describe this link (www.youtube.com answered with status 404.) It stays a link; try the Embed button again later.",
  );
  await expect(editor.body().getByRole("link", { name: "https://youtu.be/unavailable" })).toBeVisible();
  await expect(editor.body().locator("figure[data-embed]")).toHaveCount(0);
  await editor.expectSaved();
});
