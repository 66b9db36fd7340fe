import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { StoryEditorPage } from "./support/story-editor-page";

test("the whole loop: request changes, notification, resubmit, diff since submission, approve, schedule, public on time", async ({ browser, request }) => {
  test.slow(); // two people, a whole review round, and a wait for the clock
  const writerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::4:1" } });
  const writerPage = await writerContext.newPage();
  await signInAsNewStaff(writerPage, "writer");
  const writerEditor = new StoryEditorPage(writerPage);
  const url = await writerEditor.createStory();
  const headline = `Pier lights switched on for winter ${Date.now()}`;
  await writerPage.getByLabel("Headline").fill(headline);
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
  const queued = editorPage.getByRole("row").filter({ hasText: headline });
  await expect(queued).toContainText("News");
  await editorPage.getByRole("navigation", { name: "Filter by section" }).getByRole("link", { name: "Culture" }).click();
  await expect(editorPage).toHaveURL(/section=culture/);
  await expect(queued).toHaveCount(0);
  await editorPage.getByRole("navigation", { name: "Filter by section" }).getByRole("link", { name: "News" }).click();
  await queued.getByRole("link", { name: headline }).click();
  await expect(editorPage).toHaveURL(url);
  const desk = editorPage.getByRole("region", { name: "Editing desk" });
  await desk.getByRole("button", { name: "Request changes" }).click();
  await expect(desk.getByRole("alert")).toHaveText("Write a note telling the writers what to change.");
  await expect(editorPage.getByTestId("story-status")).toHaveText("In review");
  await desk.getByLabel("Note for the writers").fill("Say who paid for the electricity, please.");
  await desk.getByRole("button", { name: "Request changes" }).click();
  await expect(editorPage.getByTestId("story-status")).toHaveText("Changes requested");

  // The writer hears about it from the bell, and finds the note on the story.
  await writerPage.goto("/desk");
  await writerPage.getByRole("link", { name: "Notifications, 1 unread" }).click();
  const notice = writerPage.getByRole("list", { name: "Notifications" }).getByRole("listitem").first();
  await expect(notice).toContainText("requested changes to");
  await expect(notice).toContainText("Say who paid for the electricity, please.");
  await writerPage.getByRole("button", { name: "Mark all as read" }).click();
  await expect(writerPage.getByRole("link", { name: "Notifications, 0 unread" })).toBeVisible();
  await notice.getByRole("link", { name: headline }).click();
  await expect(writerPage.getByRole("region", { name: "Changes requested" })).toContainText(
    "Say who paid for the electricity, please.",
  );
  await writerEditor.body().click();
  await writerPage.keyboard.press("End");
  await writerPage.keyboard.type(" The council pays for the electricity.");
  await writerPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(writerPage.getByTestId("story-status")).toHaveText("In review");

  // The editor reads what changed since the last time it was handed in.
  await editorPage.reload();
  await expect(new StoryEditorPage(editorPage).body()).toContainText("The council pays for the electricity.");
  await editorPage.getByRole("link", { name: "Changes since last submission" }).click();
  const changes = editorPage.getByRole("article", { name: "Changes" });
  await expect(changes.locator("ins")).toContainText(["The council pays for the electricity."]);
  await editorPage.getByRole("link", { name: "Back to the story" }).click();

  await expect(desk.getByText("Ready to approve.")).toBeVisible();
  await desk.getByRole("button", { name: "Approve" }).click();
  await expect(editorPage.getByTestId("story-status")).toHaveText("Approved");

  // Scheduled 15 s ahead: private until then, public everywhere within 5 s after.
  const publishing = editorPage.getByRole("region", { name: "Publishing" });
  await expect(publishing.getByLabel("Publish at (UTC)")).toBeVisible();
  const dueAt = Date.now() + 15_000;
  await publishing.getByLabel("Publish at (UTC)").fill(new Date(dueAt).toISOString().slice(0, 19));
  await publishing.getByRole("button", { name: "Schedule" }).click();
  await expect(editorPage.getByTestId("story-status")).toHaveText("Scheduled");
  await expect(publishing.getByTestId("scheduled-for")).toContainText("UTC");

  const slug = headline.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const storyPath = `/news/${slug}`;
  const publicPage = request; // a reader: no cookies at all
  expect((await publicPage.get(storyPath)).status()).toBe(404);
  expect(await (await publicPage.get("/")).text()).not.toContain(headline);
  expect(await (await publicPage.get("/feed.xml")).text()).not.toContain(headline);

  await expect
    .poll(async () => (await publicPage.get(storyPath)).status(), { timeout: dueAt - Date.now() + 5_000, intervals: [250] })
    .toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(dueAt - 1_000);
  expect(Date.now()).toBeLessThan(dueAt + 5_000);
  expect(await (await publicPage.get("/")).text()).toContain(headline);
  expect(await (await publicPage.get("/feed.xml")).text()).toContain(headline);
  await editorPage.reload();
  await expect(editorPage.getByTestId("story-status")).toHaveText("Published");

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
