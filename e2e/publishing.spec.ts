import { type Page } from "@playwright/test";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { StoryEditorPage } from "./support/story-editor-page";

/** An editor takes a fresh story through review to Approved. Returns its public path. */
async function approvedStory(page: Page, headline: string, text: string) {
  return `/news/${await new StoryEditorPage(page).approvedStory({ headline, text })}`;
}

test("a published story stays live while edited; the update goes out with a correction", async ({ page, request }) => {
  test.slow();
  await signInAsNewStaff(page, "editor");
  const headline = `Ferry timetable changes ${Date.now()}`;
  const path = await approvedStory(page, headline, "The first ferry leaves at 6.15.");
  const publishing = page.getByRole("region", { name: "Publishing" });
  await publishing.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  await expect.poll(async () => (await request.get(path)).status()).toBe(200);
  expect(await (await request.get(path)).text()).toContain("The first ferry leaves at 6.15.");

  const editor = new StoryEditorPage(page);
  await editor.body().click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("6.45, not 6.15.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await editor.expectSaved();
  await expect(publishing).toContainText("Your edits are not public until you publish the update.");
  // Readers still get the version that was published.
  const beforeUpdate = await (await request.get(path)).text();
  expect(beforeUpdate).toContain("The first ferry leaves at 6.15.");
  expect(beforeUpdate).not.toContain("6.45, not 6.15");

  await publishing.getByLabel("Public note").selectOption("Correction");
  await publishing.getByLabel("Note text").fill("An earlier version of this story gave the wrong departure time.");
  await publishing.getByRole("button", { name: "Publish update" }).click();
  await expect(publishing).toContainText("Readers see this version.");

  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page.getByRole("main")).toContainText("6.45, not 6.15.");
  await expect(page.getByRole("main")).toContainText("An earlier version of this story gave the wrong departure time.");
  await expect(page.getByRole("main")).toContainText(/Updated/);
  await page.goto("/corrections");
  await expect(page.getByRole("main")).toContainText("An earlier version of this story gave the wrong departure time.");
  await expect(page.getByRole("main").getByRole("link", { name: headline })).toBeVisible();
});

test("unpublishing needs a reason; the address then answers 410 until it is republished", async ({ page, request }) => {
  await signInAsNewStaff(page, "editor");
  const headline = `Museum roof repairs ${Date.now()}`;
  const path = await approvedStory(page, headline, "Scaffolding goes up next week.");
  const publishing = page.getByRole("region", { name: "Publishing" });
  await publishing.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");

  await publishing.getByRole("button", { name: "Unpublish" }).click();
  await expect(publishing.getByRole("alert")).toHaveText("Give the reason for unpublishing.");
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  await publishing.getByLabel("Reason for unpublishing").fill("The museum asked us to hold it until the contract is signed.");
  await publishing.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Unpublished");
  expect((await request.get(path)).status()).toBe(410);
  expect(await (await request.get("/")).text()).not.toContain(headline);

  await publishing.getByRole("button", { name: "Republish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  expect((await request.get(path)).status()).toBe(200);
});

test("the calendar shows scheduled and published stories by day and opens them", async ({ page }) => {
  await signInAsNewStaff(page, "editor");
  const headline = `Regatta preview ${Date.now()}`;
  await approvedStory(page, headline, "Forty boats have entered.");
  const publishing = page.getByRole("region", { name: "Publishing" });
  const tomorrow = new Date(Date.now() + 86_400_000);
  await publishing.getByLabel("Publish at (UTC)").fill(`${tomorrow.toISOString().slice(0, 10)}T09:30`);
  await publishing.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Scheduled");
  const storyUrl = page.url();

  await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Calendar" }).click();
  await page.getByRole("navigation", { name: "Calendar view" }).getByRole("link", { name: "Week" }).click();
  if (tomorrow.getUTCDay() === 1) await page.getByRole("link", { name: "Next" }).click(); // tomorrow starts a new week
  const day = page.getByRole("listitem", { name: new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(tomorrow) });
  await expect(day).toContainText("09:30");
  await day.getByRole("link", { name: new RegExp(headline) }).click();
  await expect(page).toHaveURL(storyUrl);
});
