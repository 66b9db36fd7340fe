import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import * as schema from "../db/schema";
import { testDb } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { insertStory, waitUntilLive } from "./support/public-site";
import { servers } from "./support/servers";

test("on an empty database, /setup creates the first admin and then is gone", async ({ page }) => {
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up your newsroom" })).toBeVisible();

  await page.getByLabel("Name").fill("Ada Founder");
  await page.getByLabel("Email").fill("Founder@Newsroom.test");
  await page.getByLabel("Password").fill("too-short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Use a password of at least 12 characters.");
  await expect(page.getByLabel("Name")).toHaveValue("Ada Founder");

  await page.getByLabel("Password").fill("a-properly-long-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Ada Founder\s*Admin/);

  const setupAgain = await page.goto("/setup");
  expect(setupAgain?.status()).toBe(404);

  await page.goto("/desk");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await new LoginPage(page).signIn("founder@newsroom.test", "a-properly-long-password");
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Ada Founder\s*Admin/);
});

// The first-run server has a newsroom of its own, so changing its settings disturbs no other test.
test("the admin runs the newsroom: settings show publicly at once, sections follow the address rules, the audit log records it", async ({ page }) => {
  await new LoginPage(page).goto("/desk/admin/settings");
  await new LoginPage(page).signIn("founder@newsroom.test", "a-properly-long-password");
  const settings = page.getByRole("form", { name: "Publication settings" });
  await settings.getByLabel("Publication name").fill("The Quayside Courier");
  await settings.getByLabel("Description").fill("News from the harbour towns.");
  await settings.getByLabel("Timezone").selectOption("Europe/Lisbon");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved. Public pages show them from the next request.");
  await page.goto("/");
  await expect(page.getByRole("banner")).toContainText("The Quayside Courier");
  await expect(page).toHaveTitle(/The Quayside Courier/);

  await page.goto("/desk/admin/sections");
  const create = page.getByRole("form", { name: "New section" });
  await create.getByLabel("Name").fill("Search");
  await create.getByRole("button", { name: "Create section" }).click();
  await expect(create.getByRole("alert")).toHaveText("“search” is an address the site already uses. Choose another slug.");
  await create.getByLabel("Name").fill("Harbour life");
  await create.getByRole("button", { name: "Create section" }).click();
  await expect(create.getByRole("status")).toHaveText("Section “Harbour life” created at /harbour-life.");
  const row = page.getByRole("listitem", { name: "Harbour life" });
  await row.getByLabel("Name").fill("Harbour living");
  await row.getByRole("button", { name: "Rename" }).click();
  const renamed = page.getByRole("listitem", { name: "Harbour living" });
  await expect(renamed).toContainText("/harbour-life · 0 stories");
  await renamed.getByRole("button", { name: "Hide from navigation" }).click();
  await expect(page.getByRole("listitem", { name: "Harbour living" })).toContainText("hidden");
  await page.getByRole("listitem", { name: "Harbour living" }).getByRole("button", { name: "Delete Harbour living" }).click();
  await expect(page.getByRole("listitem", { name: "Harbour living" })).toHaveCount(0);

  await page.goto("/desk/admin/audit");
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Action").selectOption("settings_changed");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row").filter({ hasText: "settings_changed" })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "section_created" })).toHaveCount(0);
  await filters.getByLabel("Action").selectOption("");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row").filter({ hasText: "section_deleted" })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "sign_in" }).first()).toBeVisible();
});

const png = (width: number, height: number, background: string) => sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();

const metaContent = (page: Page, attribute: "property" | "name", key: string) => page.locator(`meta[${attribute}="${key}"]`).getAttribute("content");

/** The media id in an image address such as /media/<id>/w480.webp, absolute or not. */
const mediaIdOf = (src: string) => new URL(src, "http://any").pathname.split("/")[2];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${page.url()}: ${violation.id} ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
}

test("the admin sets a logo and a default social image; readers get them on the next request, and they can be removed", async ({ page, request }) => {
  test.slow(); // two uploads, three saves, a story going live, axe runs
  const [founder] = await testDb(servers.firstRun).select().from(schema.users).limit(1);
  await testDb(servers.firstRun).insert(schema.sections).values({ name: "News", slug: "news" }).onConflictDoNothing();
  const story = await insertStory({ headline: "Ferry timetable changes for the winter", authorId: founder.id }, servers.firstRun);
  await waitUntilLive(request, story.path);

  await new LoginPage(page).goto("/desk/admin/settings");
  await new LoginPage(page).signIn("founder@newsroom.test", "a-properly-long-password");
  const settings = page.getByRole("form", { name: "Publication settings" });
  await settings.getByLabel("Logo", { exact: true }).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await png(600, 150, "#1d3557") });
  await expect(settings.getByRole("img", { name: "Current logo" })).toBeVisible();
  await settings.getByLabel("Default social image").setInputFiles({ name: "social.png", mimeType: "image/png", buffer: await png(1200, 630, "#e63946") });
  await expect(settings.getByRole("img", { name: "Current default social image" })).toBeVisible();
  const logoId = mediaIdOf((await settings.getByRole("img", { name: "Current logo" }).getAttribute("src"))!);
  const socialImageId = mediaIdOf((await settings.getByRole("img", { name: "Current default social image" }).getAttribute("src"))!);
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved. Public pages show them from the next request.");
  await expectNoAxeViolations(page);

  await page.goto("/");
  const logo = page.getByRole("banner").getByRole("img", { name: "The Quayside Courier" });
  await expect(logo).toBeVisible();
  expect(mediaIdOf((await logo.getAttribute("src"))!)).toBe(logoId);
  expect(await logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  expect(mediaIdOf((await metaContent(page, "property", "og:image"))!)).toBe(socialImageId);
  expect(mediaIdOf((await metaContent(page, "name", "twitter:image"))!)).toBe(socialImageId);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expectNoAxeViolations(page);

  // A story without a featured image is shared with the default image; its publisher has the logo.
  await page.goto(story.path);
  expect(mediaIdOf((await metaContent(page, "property", "og:image"))!)).toBe(socialImageId);
  const [article] = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(article.publisher).toMatchObject({ "@type": "Organization", name: "The Quayside Courier", logo: { "@type": "ImageObject", width: 600, height: 150 } });
  expect(mediaIdOf(article.publisher.logo.url)).toBe(logoId);
  const logoFile = await request.get(article.publisher.logo.url);
  expect(logoFile.status()).toBe(200);
  expect(logoFile.headers()["content-type"]).toBe("image/webp");
  // Search has no sharing description of its own: the layout's default image holds.
  await page.goto("/search");
  expect(mediaIdOf((await metaContent(page, "property", "og:image"))!)).toBe(socialImageId);

  await page.goto("/desk/admin/settings");
  await settings.getByRole("button", { name: "Remove logo" }).click();
  await settings.getByRole("button", { name: "Remove default social image" }).click();
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved. Public pages show them from the next request.");
  await page.goto(story.path);
  await expect(page.getByRole("banner").getByRole("img")).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("link", { name: "The Quayside Courier" })).toBeVisible();
  await expect(page.locator('meta[property="og:image"]')).toHaveCount(0);
  const [unbranded] = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(new URL(unbranded.publisher.logo.url).pathname).toBe("/icon.svg");
});
