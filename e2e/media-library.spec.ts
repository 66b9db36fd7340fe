import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import * as schema from "../db/schema";
import { testDb } from "./support/database";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { insertStory, parseXml, uniqueWord, uploadImage, waitUntilLive } from "./support/public-site";
import { servers } from "./support/servers";
import { StoryEditorPage, testImage } from "./support/story-editor-page";

async function expectNoAxeViolations(page: Page, within?: string) {
  const results = await (within ? new AxeBuilder({ page }).include(within) : new AxeBuilder({ page })).analyze();
  expect(results.violations.map((violation) => `${page.url()}: ${violation.id} ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

const db = () => testDb(servers.newsroom);

/** The library's own defaults for an upload, as if someone had set them on /desk/media. */
async function describeUpload(id: string, details: { alt: string; caption?: string; credit?: string }) {
  await db().update(schema.media).set(details).where(eq(schema.media.id, id));
}

/** The library filtered to one person's uploads, the way a person filters it. */
async function openOwnUploads(page: Page, displayName: string) {
  await page.goto("/desk/media");
  await page.getByLabel("Uploader").selectOption({ label: displayName });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/uploader=/);
}

test("a writer describes an upload once in the library, finds it by its words, and reuses it with those defaults as featured image and in the body", async ({ page }) => {
  test.slow(); // an upload, a search, two picks, a save and a reload
  const word = uniqueWord();
  const writer = await signInAsNewStaff(page, "writer");
  await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Media" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Media" })).toBeVisible();
  const uploaded = await uploadImage(page);

  await openOwnUploads(page, writer.displayName);
  const item = page.getByRole("article");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Not used anywhere.");
  await expect(item).toContainText(`uploaded by ${writer.displayName}`);
  await item.getByLabel("Alt text").fill(`Gulls over the ${word} quay`);
  await item.getByLabel("Caption").fill("Fishing boats come in at dawn.");
  await item.getByLabel("Credit").fill("Photo: Wren Calloway");
  await item.getByRole("button", { name: "Save details" }).click();
  await expect(item.getByRole("status")).toHaveText("Saved.");
  await expectNoAxeViolations(page);

  await page.goto("/desk/media");
  await page.getByLabel("Words").fill(`${word} dawn calloway`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article").getByRole("heading")).toHaveText(`Gulls over the ${word} quay`);
  await page.getByLabel("Words").fill(`${word} nowhere-to-be-found`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No images match.")).toBeVisible();

  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await page.getByRole("button", { name: "Choose featured image from library" }).click();
  const picker = page.getByRole("dialog", { name: "Choose from library" });
  await picker.getByRole("searchbox", { name: "Search the library" }).fill(word);
  await picker.getByRole("button", { name: "Search" }).click();
  await picker.getByRole("button", { name: `Gulls over the ${word} quay` }).click();
  await expect(picker).toHaveCount(0);
  const featured = page.getByRole("group", { name: "Featured image" });
  await expect(featured.getByLabel("Alt text")).toHaveValue(`Gulls over the ${word} quay`);
  await expect(featured.getByLabel("Caption")).toHaveValue("Fishing boats come in at dawn.");
  await expect(featured.getByLabel("Credit")).toHaveValue("Photo: Wren Calloway");
  // Changed for this use only: the library keeps its own words.
  await featured.getByLabel("Alt text").fill(`Gulls over the ${word} quay at first light`);

  await editor.body().click();
  await page.keyboard.type("The boats were late.");
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Image from library" }).click();
  await picker.getByRole("searchbox", { name: "Search the library" }).fill(word);
  await picker.getByRole("button", { name: "Search" }).click();
  await picker.getByRole("button", { name: `Gulls over the ${word} quay` }).click();
  const figure = editor.body().locator("figure[data-story-image]");
  await expect(figure.getByLabel("Alt text")).toHaveValue(`Gulls over the ${word} quay`);
  await expect(figure.getByLabel("Credit")).toHaveValue("Photo: Wren Calloway");
  await editor.expectSaved();

  await page.reload();
  await expect(editor.body().getByRole("img", { name: `Gulls over the ${word} quay` })).toHaveAttribute("src", new RegExp(`^/media/${uploaded.id}/`));
  await expect(featured.getByLabel("Alt text")).toHaveValue(`Gulls over the ${word} quay at first light`);
  const [row] = await db().select().from(schema.media).where(eq(schema.media.id, uploaded.id));
  expect(row.alt).toBe(`Gulls over the ${word} quay`);

  await openOwnUploads(page, writer.displayName);
  await expect(page.getByRole("article")).toContainText("Used in 2 places:");
});

test("deleting an image that is used is refused with the places; an unused one is deleted with its files", async ({ page, request }) => {
  const writer = await signInAsNewStaff(page, "writer");
  const used = await uploadImage(page);
  const unused = await uploadImage(page);
  await describeUpload(used.id, { alt: "The used one" });
  await describeUpload(unused.id, { alt: "The unused one" });
  const headline = `Storm ${uniqueWord()} closes the pier`;
  await insertStory({ headline, authorId: writer.id, status: "draft", featuredImage: { id: used.id, alt: "Waves", caption: "", credit: "" } });

  await openOwnUploads(page, writer.displayName);
  const usedItem = page.getByRole("article", { name: "The used one" });
  await expect(usedItem.getByRole("link", { name: `the featured image of “${headline}”` })).toBeVisible();
  await usedItem.getByRole("button", { name: "Delete image" }).click();
  await expect(usedItem.getByRole("alert")).toHaveText(
    `This image can't be deleted while it is used: the featured image of “${headline}”. Remove it from there first.`,
  );
  expect((await request.get(`/media/${used.id}/w480.webp`)).status()).toBe(200);

  const unusedItem = page.getByRole("article", { name: "The unused one" });
  await unusedItem.getByRole("button", { name: "Delete image" }).click();
  await expect(unusedItem).toHaveCount(0);
  await expect(page.getByRole("article", { name: "The used one" })).toBeVisible();
  expect(await db().select().from(schema.media).where(eq(schema.media.id, unused.id))).toEqual([]);
  expect((await request.get(`/media/${unused.id}/w480.webp`)).status()).toBe(404);
});

test("an image file dropped or pasted into the story body uploads with a progress bar and lands in the story", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await editor.body().click();
  await page.keyboard.type("Before the picture.");
  // Held for a moment, so the progress bar can be seen; the upload itself is the real one.
  await page.route("**/api/uploads", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });

  const bytes = Array.from(await testImage(800));
  const withFile = (name: string) =>
    page.evaluateHandle(
      ({ data, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], name, { type: "image/png" }));
        return transfer;
      },
      { data: bytes, name },
    );
  // Dropped where a person would let go: on the body, below its text (ProseMirror ignores drops it cannot place).
  const box = (await editor.body().boundingBox())!;
  await editor.body().dispatchEvent("drop", { dataTransfer: await withFile("harbour-drop.png"), clientX: box.x + 40, clientY: box.y + box.height - 40 });
  await expect(page.getByRole("progressbar", { name: "Uploading harbour-drop.png" })).toBeVisible();
  const images = editor.body().locator("figure[data-story-image] img");
  await expect(images).toHaveCount(1, { timeout: 15_000 });
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(images.first()).toHaveAttribute("src", /^\/media\/[0-9a-f-]{36}\/w480\.webp$/);

  // The dropped image is selected now: a paste goes in beside it rather than replacing it.
  const droppedSrc = await images.first().getAttribute("src");
  await editor.body().evaluate((body, transfer) => {
    body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer as DataTransfer, bubbles: true, cancelable: true }));
  }, await withFile("harbour-paste.png"));
  await expect(images).toHaveCount(2, { timeout: 15_000 });
  await expect(editor.body().locator(`img[src="${droppedSrc}"]`)).toHaveCount(1);
  await editor.expectSaved();
  await page.reload();
  await expect(editor.body().locator("figure[data-story-image] img")).toHaveCount(2);
});

test("a gallery picked from the library survives a reload and renders in the preview, on the page and in the feed", async ({ page, request }) => {
  test.slow(); // three uploads, a save, a reload, publishing, four pages checked with axe
  const word = uniqueWord();
  const writer = await signInAsNewStaff(page, "writer");
  const uploads = [await uploadImage(page), await uploadImage(page), await uploadImage(page)];
  for (const [index, upload] of uploads.entries()) {
    await describeUpload(upload.id, { alt: `Pier ${word} view ${index + 1}`, caption: `Looking out, number ${index + 1}.` });
  }

  const editor = new StoryEditorPage(page);
  const editUrl = await editor.createStory();
  const storyId = editUrl.split("/").at(-2)!;
  await editor.body().click();
  await page.keyboard.type("The pier from every side.");
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Gallery" }).click();
  const picker = page.getByRole("dialog", { name: "Choose from library" });
  await picker.getByRole("searchbox", { name: "Search the library" }).fill(word);
  await picker.getByRole("button", { name: "Search" }).click();
  await expect(picker.getByRole("button", { name: "Add 0 images" })).toBeDisabled();
  await expectNoAxeViolations(page, "dialog");
  for (const index of [1, 2, 3]) await picker.getByRole("button", { name: `Pier ${word} view ${index}` }).click();
  await expect(picker.getByText("3 chosen")).toBeVisible();
  await picker.getByRole("button", { name: "Add 3 images" }).click();

  const gallery = editor.body().locator("figure[data-story-gallery]");
  await expect(gallery.getByRole("img")).toHaveCount(3);
  await expect(gallery.getByLabel("Alt text").first()).toHaveValue(new RegExp(`^Pier ${word} view \\d$`));
  await gallery.getByLabel("Caption").nth(1).fill("The lifeboat station, from the end of the pier.");
  await editor.expectSaved();
  await page.reload();
  await expect(gallery.getByRole("img")).toHaveCount(3);
  await expect(gallery.getByLabel("Caption").nth(1)).toHaveValue("The lifeboat station, from the end of the pier.");

  await page.goto(`/desk/stories/${storyId}/preview`);
  const previewGallery = page.getByRole("figure", { name: "Gallery of 3 images" });
  await expect(previewGallery.getByRole("listitem")).toHaveCount(3);
  await expect(previewGallery.getByRole("figure").nth(1)).toContainText("The lifeboat station, from the end of the pier.");
  await expectNoAxeViolations(page);

  // Put live through the real publishing path: the scheduler takes a story that is due.
  const [news] = await db().select().from(schema.sections).where(eq(schema.sections.slug, "news"));
  const slug = `pier-gallery-${crypto.randomBytes(4).toString("hex")}`;
  await db().insert(schema.storyBylines).values({ storyId, userId: writer.id, position: 0 }).onConflictDoNothing();
  await db()
    .update(schema.stories)
    .set({ headline: `The pier, ${word}`, dek: "Three views of the pier: from the promenade, from the beach and from the lifeboat station.", slug, sectionId: news.id, status: "scheduled", publishAt: new Date() })
    .where(eq(schema.stories.id, storyId));
  await waitUntilLive(request, `/news/${slug}`);

  await page.goto(`/news/${slug}`);
  const published = page.getByRole("figure", { name: "Gallery of 3 images" });
  await expect(published.getByRole("list").getByRole("listitem")).toHaveCount(3);
  await expect(published.getByRole("img", { name: `Pier ${word} view 2` })).toBeVisible();
  expect(await published.getByRole("img").first().evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await expectNoAxeViolations(page);

  await expect(async () => {
    const feed = await (await request.get("/news/feed.xml")).text();
    const bodies = await parseXml(page, feed, "encoded");
    const ours = bodies.find((body) => body.includes(`Pier ${word} view 1`));
    expect(ours).toContain('<figure data-story-gallery="" aria-label="Gallery of 3 images">');
    expect(ours).toContain("The lifeboat station, from the end of the pier.");
    expect(ours).toMatch(new RegExp(`src="http://localhost:\\d+/media/${uploads[2].id}/`));
  }).toPass({ timeout: 10_000 });
});

test("a writer's avatar comes from their own uploads in the library", async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAsNewStaff(otherPage, "writer");
  const theirs = await uploadImage(otherPage);
  await other.close();
  const word = uniqueWord();
  await describeUpload(theirs.id, { alt: `Someone else's ${word}` });

  await signInAsNewStaff(page, "writer");
  const mine = await uploadImage(page);
  await describeUpload(mine.id, { alt: `My face ${word}` });
  await page.goto("/desk/profile");
  const profile = page.getByRole("form", { name: "Profile" });
  await profile.getByRole("button", { name: "Choose avatar from library" }).click();
  const picker = page.getByRole("dialog", { name: "Choose from library" });
  await picker.getByRole("searchbox", { name: "Search the library" }).fill(word);
  await picker.getByRole("button", { name: "Search" }).click();
  await expect(picker.getByRole("list", { name: "Library images" }).getByRole("button")).toHaveText([`My face ${word}`]);
  await picker.getByRole("button", { name: `My face ${word}` }).click();
  await expect(profile.getByRole("img", { name: "Your avatar" })).toHaveAttribute("src", new RegExp(`^/media/${mine.id}/`));
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Profile saved.");
  await expect(page.getByRole("banner").locator(`img[src^="/media/${mine.id}/"]`)).toBeVisible();
});
