import { LoginPage, expect, test } from "./support/fixtures";

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
