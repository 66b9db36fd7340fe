import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { StoryEditorPage } from "./support/story-editor-page";

test("an editor sends a story back with a note; the writer revises and resubmits; the editor approves", async ({ browser }) => {
  test.slow(); // two people, a whole review round
  const writerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::4:1" } });
  const writerPage = await writerContext.newPage();
  await signInAsNewStaff(writerPage, "writer");
  const writerEditor = new StoryEditorPage(writerPage);
  const url = await writerEditor.createStory();
  await writerPage.getByLabel("Headline").fill("Pier lights switched on for winter");
  await writerPage.getByLabel("Dek").fill("Two hundred bulbs now line the pier, paid for by the traders' association.");
  await writerPage.getByLabel("Section").selectOption({ label: "News" });
  await writerEditor.body().click();
  await writerPage.keyboard.type("The lights came on at dusk.");
  await writerPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(writerPage.getByTestId("story-status")).toHaveText("In review");

  const editorContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::4:2" } });
  const editorPage = await editorContext.newPage();
  await signInAsNewStaff(editorPage, "editor");
  await editorPage.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: /^Review \d+$/ }).click();
  await expect(editorPage.getByRole("heading", { name: "Review queue" })).toBeVisible();
  const queued = editorPage.getByRole("row").filter({ hasText: "Pier lights switched on for winter" });
  await expect(queued).toContainText("News");
  await editorPage.getByRole("navigation", { name: "Filter by section" }).getByRole("link", { name: "Culture" }).click();
  await expect(editorPage).toHaveURL(/section=culture/);
  await expect(queued).toHaveCount(0);
  await editorPage.getByRole("navigation", { name: "Filter by section" }).getByRole("link", { name: "News" }).click();
  await queued.getByRole("link", { name: "Pier lights switched on for winter" }).click();
  await expect(editorPage).toHaveURL(url);
  const desk = editorPage.getByRole("region", { name: "Editing desk" });
  await desk.getByRole("button", { name: "Request changes" }).click();
  await expect(desk.getByRole("alert")).toHaveText("Write a note telling the writers what to change.");
  await expect(editorPage.getByTestId("story-status")).toHaveText("In review");
  await desk.getByLabel("Note for the writers").fill("Say who paid for the electricity, please.");
  await desk.getByRole("button", { name: "Request changes" }).click();
  await expect(editorPage.getByTestId("story-status")).toHaveText("Changes requested");

  await writerPage.reload();
  await expect(writerPage.getByRole("region", { name: "Changes requested" })).toContainText(
    "Say who paid for the electricity, please.",
  );
  await writerEditor.body().click();
  await writerPage.keyboard.press("End");
  await writerPage.keyboard.type(" The council pays for the electricity.");
  await writerPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(writerPage.getByTestId("story-status")).toHaveText("In review");

  await editorPage.reload();
  await expect(new StoryEditorPage(editorPage).body()).toContainText("The council pays for the electricity.");
  await expect(desk.getByText("Ready to approve.")).toBeVisible();
  await desk.getByRole("button", { name: "Approve" }).click();
  await expect(editorPage.getByTestId("story-status")).toHaveText("Approved");

  await writerContext.close();
  await editorContext.close();
});

test("approval waits for the publish checklist", async ({ page }) => {
  await signInAsNewStaff(page, "editor");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await page.getByLabel("Headline").fill("Short dek story");
  await page.getByLabel("Dek").fill("Too short for search.");
  await page.getByLabel("Section").selectOption({ label: "Culture" });
  await editor.body().click();
  await page.keyboard.type("Body text.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("In review");
  const desk = page.getByRole("region", { name: "Editing desk" });
  await expect(desk.getByRole("list", { name: "Missing before approval" })).toContainText("Write an SEO description of 50–160 characters");
  await expect(desk.getByRole("button", { name: "Approve" })).toBeDisabled();
  await page.getByLabel("SEO description").fill("An exhibition of harbour paintings opens at the museum this weekend.");
  await expect(desk.getByText("Ready to approve.")).toBeVisible();
  await desk.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Approved");
});

test("writers have no review queue", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  await expect(page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: /^Review/ })).toHaveCount(0);
  const response = await page.goto("/desk/review");
  expect(response?.status()).toBe(404);
});
