import { createStaff } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { servers } from "./support/servers";

test("an admin deactivates a writer, whose open session is refused on its next request", async ({ browser }) => {
  const writer = await createStaff(servers.newsroom, "writer");
  const admin = await createStaff(servers.newsroom, "admin");

  const writerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::1:1" } });
  const writerPage = await writerContext.newPage();
  await new LoginPage(writerPage).goto();
  await new LoginPage(writerPage).signIn(writer.email, writer.password);
  await expect(writerPage.getByRole("heading", { name: `Welcome, ${writer.displayName}` })).toBeVisible();

  const adminContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::1:2" } });
  const adminPage = await adminContext.newPage();
  await new LoginPage(adminPage).goto("/desk/admin/staff");
  await new LoginPage(adminPage).signIn(admin.email, admin.password);
  await expect(adminPage.getByRole("heading", { name: "Staff" })).toBeVisible();
  const row = adminPage.getByRole("row").filter({ hasText: writer.email });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: `Deactivate ${writer.displayName}` }).click();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: `Reactivate ${writer.displayName}` })).toBeVisible();

  await writerPage.reload();
  await expect(writerPage).toHaveURL(/\/login\?notice=session-ended/);
  await expect(writerPage.locator("form").getByRole("alert")).toHaveText("Your session has ended. Sign in again.");
  await new LoginPage(writerPage).signIn(writer.email, writer.password);
  await expect(writerPage.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");

  await writerContext.close();
  await adminContext.close();
});

test("a writer has no way into staff administration", async ({ page }) => {
  const writer = await createStaff(servers.newsroom, "writer");
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn(writer.email, writer.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${writer.displayName}` })).toBeVisible();
  const response = await page.goto("/desk/admin/staff");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
