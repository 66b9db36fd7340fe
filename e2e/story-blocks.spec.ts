import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { StoryEditorPage } from "./support/story-editor-page";

const QUOTE = "We were never told the last boat would go.";
const ATTRIBUTION = "Ana Ruiz, harbour pilot";
const CAPTION = "Winter departures";
const TABLE_ROWS = [
  ["Port", "First boat", "Last boat"],
  ["North quay", "6.45", "21.00"],
  ["Old harbour", "7.15", "20.30"],
];

/** The body as the renderer wrote it, on whichever page shows the story to readers. */
const renderedBody = (page: Page) => page.getByRole("article").locator(".prose").first();

async function expectBlocksOn(page: Page) {
  const article = page.getByRole("article");
  await expect(article.locator("figure.pull-quote blockquote")).toHaveText(QUOTE);
  await expect(article.locator("figure.pull-quote figcaption")).toHaveText(`— ${ATTRIBUTION}`);
  const table = article.getByRole("table", { name: CAPTION });
  await expect(table.getByRole("columnheader")).toHaveText(TABLE_ROWS[0]);
  await expect(table.getByRole("row").nth(1).getByRole("cell")).toHaveText(TABLE_ROWS[1]);
  await expect(table.getByRole("row").nth(2).getByRole("cell")).toHaveText(TABLE_ROWS[2]);
  await expect(table.getByRole("row")).toHaveCount(3);
}

test("an editor types a pull quote and a table; they survive a reload and read the same in preview, on the page and in the feed", async ({ page, request }) => {
  test.slow();
  await signInAsNewStaff(page, "editor");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  const headline = `Last ferry moves earlier ${Date.now()}`;
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Dek").fill("From Monday the last crossing leaves half an hour earlier, the operator says.");
  await page.getByLabel("Section").selectOption({ label: "News" });
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });

  await editor.body().click();
  await page.keyboard.type("The timetable changes on Monday.");
  await page.keyboard.press("Enter");
  await toolbar.getByRole("button", { name: "Pull quote" }).click();
  await expect(toolbar.getByRole("button", { name: "Pull quote" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type(QUOTE);
  // Enter at the end of the quote carries on in a plain paragraph.
  await page.keyboard.press("Enter");
  await expect(toolbar.getByRole("button", { name: "Pull quote" })).toHaveAttribute("aria-pressed", "false");
  await page.getByLabel("Attribution (optional)").fill(ATTRIBUTION);

  await toolbar.getByRole("button", { name: "Table" }).click();
  // The editor takes the focus back from the attribution field a frame later (Tiptap's focus()).
  await expect(editor.body()).toBeFocused();
  const tableTools = toolbar.getByRole("group", { name: "Table" });
  // The cursor starts in the header row, which cannot be deleted.
  await expect(tableTools.getByRole("button", { name: "Delete row" })).toBeDisabled();
  for (const [index, value] of TABLE_ROWS.flat().entries()) {
    if (index > 0) await page.keyboard.press("Tab");
    await page.keyboard.type(value);
  }
  await tableTools.getByRole("button", { name: "Add row" }).click();
  await tableTools.getByRole("button", { name: "Add column" }).click();
  const editedTable = editor.body().locator("table");
  await expect(editedTable.locator("tr")).toHaveCount(4);
  await expect(editedTable.locator("tr").first().locator("th")).toHaveCount(4);
  // Into the new bottom-right cell: its column and row go again.
  await editedTable.locator("tr").nth(3).locator("td").nth(3).click();
  await tableTools.getByRole("button", { name: "Delete column" }).click();
  await tableTools.getByRole("button", { name: "Delete row" }).click();
  await expect(editedTable.locator("tr")).toHaveCount(3);
  await expect(editedTable.locator("tr").first().locator("th")).toHaveCount(3);
  await expect(page.getByRole("list", { name: "Missing before review" })).toContainText("Add a caption to the table in the body.");
  await page.getByLabel("Table caption").fill(CAPTION);
  await expect(page.getByText("Everything the editors need is here.")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await editor.expectSaved();

  await page.reload();
  await expect(editor.body().locator("blockquote")).toHaveText(QUOTE);
  await expect(page.getByLabel("Attribution (optional)")).toHaveValue(ATTRIBUTION);
  await expect(page.getByLabel("Table caption")).toHaveValue(CAPTION);
  await expect(editor.body().locator("th")).toHaveText(TABLE_ROWS[0]);
  await expect(editor.body().locator("td")).toHaveText([...TABLE_ROWS[1], ...TABLE_ROWS[2]]);
  const slug = await page.getByLabel("Slug").inputValue();

  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByText(/Preview of the saved version \(Draft\), as readers would see it/)).toBeVisible();
  await expect(page.getByRole("article")).toContainText("Not yet published");
  await expectBlocksOn(page);
  const previewHtml = await renderedBody(page).innerHTML();

  await page.getByRole("link", { name: "Back to editing" }).click();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("In review");
  await page.getByRole("region", { name: "Editing desk" }).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Approved");
  await page.getByRole("region", { name: "Publishing" }).getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");

  const path = `/news/${slug}`;
  await expect.poll(async () => (await request.get(path)).status()).toBe(200);
  await page.goto(path);
  await expectBlocksOn(page);
  expect(await renderedBody(page).innerHTML()).toBe(previewHtml);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${colorScheme}: ${violation.id} ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
  }

  const feed = await (await request.get("/feed.xml")).text();
  const item = feed.split("<item>").find((candidate) => candidate.includes(`<title>${headline}</title>`));
  expect(item).toBeDefined();
  expect(item).toContain(`<figure data-pull-quote="" class="pull-quote"><blockquote><p>${QUOTE}</p></blockquote><figcaption>— ${ATTRIBUTION}</figcaption></figure>`);
  expect(item).toContain(`<caption>${CAPTION}</caption>`);
  expect(item).toContain('<th scope="col"><p>Port</p></th>');
  expect(item).toContain("<td><p>Old harbour</p></td>");
  expect(item).toContain(previewHtml);
});

test("a table pasted from a spreadsheet gets a header row and loses its merged cells, so the story saves", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await page.getByLabel("Headline").fill(`Pasted timetable ${Date.now()}`);
  await editor.body().click();
  await editor.body().evaluate((body, html) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/html", html);
    clipboardData.setData("text/plain", "Port\tBoats");
    body.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  }, '<table><tr><td>Port</td><td colspan="2">Boats</td></tr><tr><td>North quay</td><td>6.45</td><td>21.00</td></tr></table>');
  const rows = editor.body().locator("table tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator("th")).toHaveText(["Port", "Boats", ""]);
  await expect(rows.nth(1).locator("td")).toHaveText(["North quay", "6.45", "21.00"]);
  await page.getByLabel("Table caption").fill("Pasted departures");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await editor.expectSaved();
});
