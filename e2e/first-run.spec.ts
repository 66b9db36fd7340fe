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
