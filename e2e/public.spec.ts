import { expect, test } from "./support/fixtures";
import { expectedDatabaseKind } from "./support/servers";

test("/api/health reports a live database of the right kind", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: expectedDatabaseKind });
});

test("the public home lists stories, and the demo stories are on their authors' pages", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "The Harbour Ledger" })).toBeVisible();
  // Other tests publish stories of their own, so which ones the home page shows depends on order.
  await expect(page.getByRole("list", { name: "Latest stories" }).getByRole("heading", { level: 2 }).first()).toBeVisible();
  await page.goto("/authors/wren-calloway");
  const main = page.getByRole("main");
  await expect(main).toContainText("Harbour council approves a new sea wall after a decade of debate");
  await expect(main).toContainText("A lighthouse keeper's diary goes on show at the town museum");
  await page.goto("/authors/idris-achterberg");
  await expect(main).toContainText("Seagrass meadow returns to the bay, divers say");
});

test("an unknown address shows a plain not-found page, never a stack trace", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/at \w+ \(|node_modules/);
});

test("public pages load no editor code; the desk editor does", async ({ page }) => {
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text());
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const publicScripts = await Promise.all(scripts.splice(0));
  expect(publicScripts.length).toBeGreaterThan(0);
  for (const script of publicScripts) expect(script).not.toMatch(/ProseMirror|tiptap/i);

  await page.goto("/login");
  await page.getByLabel("Email").fill("editor@newsroom.test");
  await page.getByLabel("Password").fill("newsroom-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await page.goto("/desk/stories");
  await page.getByRole("button", { name: "New story" }).click();
  await expect(page.getByRole("textbox", { name: "Story body" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const deskScripts = await Promise.all(scripts.splice(0));
  expect(deskScripts.some((script) => /ProseMirror/.test(script))).toBe(true);
});
