import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { StoryEditorPage } from "./support/story-editor-page";

test("an editor shares a preview with someone without an account, then revokes it", async ({ page, browser }) => {
  await signInAsNewStaff(page, "editor");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await page.getByLabel("Headline").fill("Embargoed: the new harbour master");
  await editor.body().click();
  await page.keyboard.type("The council will announce the appointment on Friday.");
  await editor.expectSaved();
  await page.getByRole("link", { name: "Preview" }).click();

  const sharing = page.getByRole("region", { name: "Share links" });
  await sharing.getByRole("button", { name: "Create share link" }).click();
  const link = await sharing.getByLabel(/Share link/).inputValue();
  expect(link).toMatch(/\/preview\/[A-Za-z0-9_-]{43}$/);
  await expect(sharing.getByRole("list", { name: "Active share links" }).getByRole("listitem")).toHaveCount(1);

  const outsider = await browser.newContext();
  const outsiderPage = await outsider.newPage();
  const shown = await outsiderPage.goto(link);
  expect(shown?.status()).toBe(200);
  await expect(outsiderPage.getByRole("heading", { level: 1 })).toHaveText("Embargoed: the new harbour master");
  await expect(outsiderPage.getByText("The council will announce the appointment on Friday.")).toBeVisible();
  // The link opens this preview only: the desk still wants a sign-in.
  await outsiderPage.goto(new URL("/desk", link).toString());
  await expect(outsiderPage).toHaveURL(/\/login/);

  await sharing.getByRole("button", { name: "Revoke" }).click();
  await expect(sharing.getByRole("list", { name: "Active share links" })).toHaveCount(0);
  expect((await outsiderPage.goto(link))?.status()).toBe(404);
  expect((await outsiderPage.goto(link.replace(/.{4}$/, "AAAA")))?.status()).toBe(404);
  await outsider.close();
});
