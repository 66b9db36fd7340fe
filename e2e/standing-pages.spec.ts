import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { StoryEditorPage } from "./support/story-editor-page";

const SEO = "How this newsroom checks facts, names sources and corrects its mistakes.";

async function personIn(browser: Browser, role: "writer" | "editor" | "admin", address: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  await signInAsNewStaff(page, role);
  return page;
}

/** Starts a page from the desk's Pages list and writes it; returns the editor's address. */
async function writePage(page: Page, headline: string, text: string) {
  await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Pages" }).click();
  await page.getByRole("button", { name: "New page" }).click();
  await expect(page).toHaveURL(/\/desk\/stories\/[0-9a-f-]{36}\/edit$/);
  const editor = new StoryEditorPage(page);
  await expect(editor.body()).toBeVisible();
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("SEO description").fill(SEO);
  await editor.body().click();
  await page.keyboard.type(text);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await editor.expectSaved();
  return page.url();
}

const footerLinks = (page: Page) => page.getByRole("navigation", { name: "Footer" }).getByRole("link").allTextContents();

test("a writer writes the ethics policy, an editor publishes it, and it takes its address, the footer in the admins' order and the sitemap", async ({
  browser,
  page: reader,
  request,
}) => {
  test.slow(); // three people, a review round and two published pages
  const writer = await personIn(browser, "writer", "2001:db8::15:1");
  const editorUrl = await writePage(writer, "Ethics policy", "We check every fact twice before it is published.");
  // A page has no section, tags, bylines or featured image to fill in.
  await expect(writer.getByLabel("Section")).toHaveCount(0);
  await expect(writer.getByLabel("Tags")).toHaveCount(0);
  await expect(writer.getByRole("region", { name: "Review" })).toContainText("Everything the editors need is here.");
  await writer.getByRole("button", { name: "Submit for review" }).click();
  await expect(writer.getByTestId("story-status")).toHaveText("In review");

  await writer.goto("/desk/pages");
  const row = writer.getByRole("row").filter({ hasText: "Ethics policy" }).last();
  await expect(row).toContainText("In review");
  const address = (await row.getByRole("cell").nth(2).textContent())!.trim();
  // Only a retry of this test finds the address already taken.
  if (test.info().retry === 0) expect(address).toBe("/ethics-policy");
  expect((await reader.goto(address))?.status()).toBe(404);

  const editor = await personIn(browser, "editor", "2001:db8::15:2");
  await editor.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: /^Review \d+$/ }).click();
  await editor.getByRole("row").filter({ hasText: "Ethics policy" }).last().getByRole("link", { name: "Ethics policy" }).click();
  await expect(editor).toHaveURL(editorUrl);
  await editor.getByRole("region", { name: "Editing desk" }).getByRole("button", { name: "Approve" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Approved");
  await editor.getByRole("region", { name: "Publishing" }).getByRole("button", { name: "Publish now" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");

  expect((await reader.goto(address))?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Ethics policy");
  await expect(reader.getByText("We check every fact twice before it is published.")).toBeVisible();
  await expect(reader).toHaveTitle(/^Ethics policy \| /);
  const structured = JSON.parse((await reader.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(structured).toMatchObject({ "@type": "WebPage", name: "Ethics policy", description: SEO });
  expect(await footerLinks(reader)).toContain("Ethics policy");
  expect((await new AxeBuilder({ page: reader }).analyze()).violations).toEqual([]);

  // An admin publishes a second page, which comes last, then moves it first of the two.
  const admin = await personIn(browser, "admin", "2001:db8::15:3");
  await writePage(admin, "About us", "A newsroom owned by its readers since 1911.");
  await admin.getByRole("button", { name: "Submit for review" }).click();
  await admin.getByRole("region", { name: "Editing desk" }).getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByTestId("story-status")).toHaveText("Approved");
  await admin.getByRole("region", { name: "Publishing" }).getByRole("button", { name: "Publish now" }).click();
  await expect(admin.getByTestId("story-status")).toHaveText("Published");
  await reader.goto("/");
  let links = await footerLinks(reader);
  expect(links.indexOf("Ethics policy")).toBeLessThan(links.indexOf("About us"));

  await admin.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Footer" }).click();
  const adminOrder = () => admin.getByRole("list", { name: "Footer pages" }).getByRole("listitem").evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
  await expect(admin.getByRole("list", { name: "Footer pages" }).getByRole("listitem", { name: "About us" })).toBeVisible();
  const before = await adminOrder();
  const at = before.indexOf("About us");
  await admin.getByRole("button", { name: "Move About us up" }).last().click();
  await expect(admin.getByRole("status").filter({ hasText: "Footer order saved." })).toBeVisible();
  const after = [...before];
  [after[at - 1], after[at]] = [after[at], after[at - 1]];
  await expect.poll(adminOrder).toEqual(after);
  // Readers' footers follow the admins' order at once.
  await reader.reload();
  links = await footerLinks(reader);
  expect(links.slice(0, -2)).toEqual(after);
  expect(links.slice(-2)).toEqual(["Corrections", "RSS feed"]);

  // Machines: the sitemap lists the page; the feeds and the news sitemap are for stories only.
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`${address}</loc>`);
  for (const path of ["/feed.xml", "/news-sitemap.xml"]) {
    const xml = await (await request.get(path)).text();
    expect(xml).not.toContain(address);
    expect(xml).not.toContain("We check every fact twice");
  }
  await Promise.all([writer.context().close(), editor.context().close(), admin.context().close()]);
});

test("a page may not take a reserved word or a section's slug, nor a section a page's", async ({ page }) => {
  test.slow();
  await signInAsNewStaff(page, "writer");
  await writePage(page, `Contact the desk ${Date.now()}`, "Write to the desk at any hour.");
  const editor = new StoryEditorPage(page);
  const slug = page.getByLabel("Slug");

  await slug.fill("search");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editor.saveStatus()).toHaveText("Not saved — “/search” is an address the site already uses. Choose another slug for the page.");
  await slug.fill("news");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editor.saveStatus()).toHaveText("Not saved — The section “News” already lives at “/news”. Choose another slug for the page.");
  const own = `contact-${Date.now()}`;
  await slug.fill(own);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await editor.expectSaved();

  // The other way round: an admin cannot give a new section the page's address.
  const admin = await personIn(page.context().browser()!, "admin", "2001:db8::15:4");
  await admin.goto("/desk/admin/sections");
  const form = admin.getByRole("form", { name: "New section" });
  await form.getByLabel("Name").fill("Contact");
  await form.getByLabel("Slug (optional)").fill(own);
  await form.getByRole("button", { name: "Create section" }).click();
  await expect(form.getByRole("alert")).toContainText(`already uses “/${own}”. Choose another slug.`);
  await admin.context().close();
});
