import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { StoryEditorPage } from "./support/story-editor-page";

test("an inline comment on a selected phrase: highlighted, replied to, kept through edits, resolved", async ({ page }) => {
  test.slow(); // a whole editing session with a reload
  await signInAsNewStaff(page, "editor");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await page.getByLabel("Headline").fill("Harbour wall vote");
  await editor.body().click();
  await page.keyboard.type("The council voted seven to two on Tuesday night.");
  await editor.expectSaved();

  const comments = page.getByRole("region", { name: "Comments" });
  await comments.getByRole("button", { name: "Comment on selection" }).click();
  await expect(comments.getByRole("alert")).toHaveText("Select some words in one paragraph of the story first.");
  await editor.selectPhrase("seven to two");
  await comments.getByRole("button", { name: "Comment on selection" }).click();
  await expect(comments.locator("q")).toHaveText("seven to two");
  await comments.getByLabel("New comment").fill("Check the count with the clerk's minutes.");
  await comments.getByRole("button", { name: "Comment", exact: true }).click();

  const thread = comments.getByRole("list", { name: "Open comments" }).getByRole("listitem").first();
  await expect(thread).toContainText("Check the count with the clerk's minutes.");
  await expect(editor.body().locator(".comment-anchor")).toHaveText("seven to two");

  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByLabel("Reply").fill("Minutes confirm seven to two.");
  await thread.getByRole("button", { name: "Send reply" }).click();
  await expect(thread.getByRole("list", { name: "Replies" })).toContainText("Minutes confirm seven to two.");

  // Text added before the phrase does not lose the anchor, in this session or after a reload.
  await editor.body().click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("After a long debate, ");
  await expect(editor.body().locator(".comment-anchor")).toHaveText("seven to two");
  await editor.expectSaved();
  await page.reload();
  await expect(editor.body().locator(".comment-anchor")).toHaveText("seven to two");
  await expect(comments.getByRole("list", { name: "Open comments" })).toContainText("Minutes confirm seven to two.");

  await comments.getByRole("list", { name: "Open comments" }).getByRole("button", { name: "Resolve" }).click();
  await expect(comments.getByRole("list", { name: "Open comments" })).toHaveCount(0);
  await expect(editor.body().locator(".comment-anchor")).toHaveCount(0);
  await comments.getByText("Resolved (1)").click();
  await expect(comments.getByRole("list", { name: "Resolved comments" })).toContainText("Check the count with the clerk's minutes.");
});
