import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { insertStory, uniqueWord, uploadImage, waitUntilLive } from "./support/public-site";
import { testImage } from "./support/story-editor-page";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${page.url()}: ${violation.id} ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

/** The Person the author page describes for machines. */
async function authorPerson(page: Page): Promise<{ name: string; image?: string }> {
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");
  expect(data["@type"]).toBe("ProfilePage");
  return data.mainEntity;
}

test("a writer sets an avatar on their profile, it shows in the desk header and on the author page, and it can be removed", async ({ page, request }) => {
  test.slow(); // an upload, two saves, two axe runs
  const writer = await signInAsNewStaff(page, "writer");
  const story = await insertStory({ headline: `Lighthouse ${uniqueWord()} keeper retires`, authorId: writer.id });
  await waitUntilLive(request, story.path);

  await page.goto("/desk/profile");
  const profile = page.getByRole("form", { name: "Profile" });
  await expect(profile.getByRole("img", { name: "Your avatar" })).toHaveCount(0);
  await profile.getByLabel("Avatar").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await testImage(300) });
  const preview = profile.getByRole("img", { name: "Your avatar" });
  await expect(preview).toBeVisible();
  const avatarPath = new URL((await preview.getAttribute("src"))!, page.url()).pathname;
  const mediaId = avatarPath.split("/")[2];
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Profile saved.");
  await expectNoAxeViolations(page);

  await page.goto(`/authors/${writer.slug}`);
  const avatar = page.getByRole("main").locator(`img[src^="/media/${mediaId}/"]`);
  await expect(avatar).toBeVisible();
  expect(await avatar.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  const person = await authorPerson(page);
  expect(person.name).toBe(writer.displayName);
  expect(new URL(person.image!).pathname).toMatch(new RegExp(`^/media/${mediaId}/w\\d+\\.webp$`));
  await expectNoAxeViolations(page);

  await page.goto("/desk/profile");
  await expect(profile.getByRole("img", { name: "Your avatar" })).toBeVisible();
  const headerAvatar = page.getByRole("banner").locator(`img[src^="/media/${mediaId}/"]`);
  await expect(headerAvatar).toBeVisible();
  await profile.getByRole("button", { name: "Remove avatar" }).click();
  await expect(profile.getByRole("img", { name: "Your avatar" })).toHaveCount(0);
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Profile saved.");
  await expect(headerAvatar).toHaveCount(0);

  await page.goto(`/authors/${writer.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: writer.displayName })).toBeVisible();
  await expect(page.getByRole("main").locator('img[src^="/media/"]')).toHaveCount(0);
  expect((await authorPerson(page)).image).toBeUndefined();
});

test("an avatar that is not one's own upload is refused and nothing changes", async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAsNewStaff(otherPage, "writer");
  await otherPage.goto("/desk");
  const theirs = await uploadImage(otherPage);
  await other.close();

  await signInAsNewStaff(page, "writer");
  await page.goto("/desk/profile");
  const profile = page.getByRole("form", { name: "Profile" });
  // What a tampered form would send: the hidden field set to someone else's upload.
  await profile.locator('input[name="avatarMediaId"]').evaluate((input: HTMLInputElement, id) => (input.value = id), theirs.id);
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("alert")).toHaveText("That avatar can't be used: upload the image again.");
  await page.reload();
  await expect(profile.getByRole("img", { name: "Your avatar" })).toHaveCount(0);
});
