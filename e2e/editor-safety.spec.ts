import { eq } from "drizzle-orm";
import { stories } from "../db/schema";
import { createStaff, testDb } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { servers } from "./support/servers";
import { StoryEditorPage } from "./support/story-editor-page";

const DANGEROUS_HREFS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "&#106;avascript:alert(1)",
  "&#x6A;avascript:alert(1)",
  "javascript&colon;alert(1)",
  "%6Aavascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
];

const PASTED_HTML = `
  <p>Pasted <b>bold</b> text<img src="x" onerror="alert('img')"></p>
  <svg onload="alert('svg')"><circle r="1"/></svg>
  <p><a href="javascript:alert('link')">a trap</a> and <a href="https://example.org/ok">a real link</a></p>
  <iframe src="javascript:alert('frame')"></iframe>
  <script>alert('script')</script>
`;

test("dangerous links and pasted markup never run and are never stored", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const writer = await createStaff(servers.newsroom, "writer");
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn(writer.email, writer.password);
  const editor = new StoryEditorPage(page);
  const url = await editor.createStory();
  const storyId = url.split("/").at(-2)!;

  await editor.body().click();
  await page.keyboard.type("Link me");
  await page.keyboard.press("Shift+Home");
  for (const href of DANGEROUS_HREFS) {
    await page.getByRole("button", { name: /^Link/ }).click();
    await page.getByLabel("Link address").fill(href);
    await page.getByRole("button", { name: "Apply link" }).click();
    await expect(page.getByRole("form", { name: "Link" }).getByRole("alert")).toContainText("Only web");
    await page.getByRole("button", { name: "Cancel" }).click();
  }
  await expect(editor.body().locator("a")).toHaveCount(0);

  await editor.body().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await editor.body().evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "pasted");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, PASTED_HTML);
  await expect(editor.body()).toContainText("Pasted bold text");
  await expect(editor.body().locator("a[href^='https://example.org']")).toHaveCount(1);
  await page.keyboard.press("ControlOrMeta+s");
  await editor.expectSaved();

  await page.reload();
  await expect(editor.body()).toContainText("a real link");
  expect(dialogs).toEqual([]);
  const [stored] = await testDb(servers.newsroom).select({ body: stories.body }).from(stories).where(eq(stories.id, storyId));
  const json = JSON.stringify(stored.body).toLowerCase();
  for (const fragment of ["javascript", "onerror", "onload", "<svg", "<script", "iframe", "data:text"]) {
    expect(json).not.toContain(fragment);
  }
});
