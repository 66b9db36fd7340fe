import type { Browser, Page, Route } from "@playwright/test";
import { createStaff } from "./support/database";
import { LoginPage, expect, signInAsNewStaff, test } from "./support/fixtures";
import { servers } from "./support/servers";
import { StoryEditorPage, testImage } from "./support/story-editor-page";

test("a writer drafts a story that autosaves and is all there after a reload", async ({ page }) => {
  const writer = await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();

  await page.getByLabel("Headline").fill("Ferry timetable changes for the winter");
  await page.getByLabel("Dek").fill("Fewer crossings from November, and the last boat leaves earlier.");
  await page.getByLabel("Section").selectOption({ label: "News" });
  await page.getByLabel("Tags").fill("ferries, Winter  Timetable");
  await editor.body().click();
  await page.keyboard.type("The ferry company announced its winter timetable on Monday.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("## What changes");
  await page.keyboard.press("Enter");
  await page.keyboard.type("- Fewer crossings");
  await page.keyboard.press("Enter");
  await page.keyboard.type("An earlier last boat");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("## Who is affected");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Commuters to the mainland, mostly. See the ");
  await page.keyboard.press("ControlOrMeta+k");
  await page.getByLabel("Link address").fill("https://ferries.example/winter");
  await page.getByRole("button", { name: "Apply link" }).click();
  await page.keyboard.type("timetable");
  await page.keyboard.press("Enter");
  await page.getByLabel("Insert an image").setInputFiles({ name: "quay.png", mimeType: "image/png", buffer: await testImage() });
  const figure = editor.body().locator("figure");
  await expect(figure.locator("img")).toHaveAttribute("src", /^\/media\/[0-9a-f-]{36}\/w960\.webp$/);
  await expect(page.getByText("Add alt text to the image in the body.")).toBeVisible();
  await figure.getByLabel("Alt text").fill("The ferry at the old quay at dusk");
  await figure.getByLabel("Caption").fill("The last boat will leave at 21:00.");
  await figure.getByLabel("Credit").fill("Photo: Wren Calloway");
  await editor.expectSaved();
  await expect(page.getByLabel("Slug")).toHaveValue("ferry-timetable-changes-for-the-winter");
  await expect(page.getByTestId("word-count")).toContainText("words · 1 min read");

  await page.reload();
  await expect(page.getByLabel("Headline")).toHaveValue("Ferry timetable changes for the winter");
  await expect(page.getByLabel("Dek")).toHaveValue("Fewer crossings from November, and the last boat leaves earlier.");
  await expect(page.getByLabel("Section")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel("Tags")).toHaveValue("ferries, Winter Timetable");
  await expect(editor.body().getByRole("heading", { level: 2 })).toHaveText(["What changes", "Who is affected"]);
  await expect(editor.body().getByRole("listitem")).toHaveText(["Fewer crossings", "An earlier last boat"]);
  await expect(editor.body().getByRole("link", { name: "timetable" })).toHaveAttribute("href", "https://ferries.example/winter");
  await expect(editor.body().getByRole("img", { name: "The ferry at the old quay at dusk" })).toBeVisible();
  await expect(page.getByText("Everything the editors need is here.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Bylines" })).toContainText(writer.displayName);
  await expect(page.getByLabel("Add a byline")).toHaveCount(0);

  await page.getByRole("link", { name: "Preview" }).click();
  const article = page.getByRole("article");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText("Ferry timetable changes for the winter");
  await expect(article.getByRole("heading", { level: 2 })).toHaveText(["What changes", "Who is affected"]);
  // The public story page's own component: the body, then the tags and share links readers get.
  await expect(article.locator(".prose").getByRole("listitem")).toHaveText(["Fewer crossings", "An earlier last boat"]);
  await expect(article.getByRole("list", { name: "Tags" })).toContainText("Winter Timetable");
  await expect(article).toContainText("Not yet published");
  await expect(article.getByRole("link", { name: "timetable", exact: true })).toHaveAttribute("href", "https://ferries.example/winter");
  await expect(article.getByRole("img", { name: "The ferry at the old quay at dusk" })).toBeVisible();
  await expect(article.locator("figcaption")).toContainText("The last boat will leave at 21:00. Photo: Wren Calloway");

  await page.goto("/desk/stories");
  const row = page.getByRole("row").filter({ hasText: "Ferry timetable changes for the winter" });
  await expect(row).toContainText("Draft");
  await expect(row).toContainText("News");
});

/** A new writer's new story, in a browser context of its own (so a test can open a second tab on it). */
async function newStoryInOwnContext(browser: Browser, address: string) {
  const writer = await createStaff(servers.newsroom, "writer");
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const first = await context.newPage();
  await new LoginPage(first).goto();
  await new LoginPage(first).signIn(writer.email, writer.password);
  const firstEditor = new StoryEditorPage(first);
  const url = await firstEditor.createStory();
  return { context, first, firstEditor, url };
}

/** Until unrouted, the page's saves (every POST) and the given paths get this answer instead of the server's. */
async function answerSavesWith(page: Page, answer: Parameters<Route["fulfill"]>[0], paths: string[] = []) {
  await page.route("**/*", (route) =>
    route.request().method() === "POST" || paths.includes(new URL(route.request().url()).pathname) ? route.fulfill(answer) : route.continue(),
  );
}

test("the same story saved from two tabs: the second sees both versions and loses nothing", async ({ browser }) => {
  // Two pages and several saves: on a loaded two-core machine the conflict answer can take a while.
  test.slow();
  const { context, first, firstEditor, url } = await newStoryInOwnContext(browser, "2001:db8::2:1");
  const second = await context.newPage();
  await second.goto(url);
  const secondEditor = new StoryEditorPage(second);
  await expect(secondEditor.body()).toBeVisible();

  await first.getByLabel("Headline").fill("Tab one's headline");
  await firstEditor.body().click();
  await first.keyboard.type("Words typed in the first tab.");
  await first.keyboard.press("ControlOrMeta+s");
  await firstEditor.expectSaved();

  await second.getByLabel("Headline").fill("Tab two's headline");
  await secondEditor.body().click();
  await second.keyboard.type("Words typed in the second tab.");
  await second.keyboard.press("ControlOrMeta+s");
  const dialog = second.getByRole("dialog", { name: "This story changed while you were editing" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByRole("region", { name: "Your version" })).toContainText("Words typed in the second tab.");
  await expect(dialog).toContainText("Words typed in the first tab.");

  await dialog.getByRole("button", { name: "Save mine as a new story" }).click();
  await expect(second).not.toHaveURL(url);
  await expect(second.getByLabel("Headline")).toHaveValue("Tab two's headline");
  await expect(secondEditor.body()).toContainText("Words typed in the second tab.");

  await first.reload();
  await expect(first.getByLabel("Headline")).toHaveValue("Tab one's headline");
  await expect(firstEditor.body()).toContainText("Words typed in the first tab.");
  await context.close();
});

test("behind a proxy answering 502 the editor retries on its own; a story changed meanwhile still shows the conflict", async ({ browser }) => {
  test.slow();
  const { context, first, firstEditor, url } = await newStoryInOwnContext(browser, "2001:db8::2:2");
  await firstEditor.body().click();
  await first.keyboard.type("Before the gateway failed.");
  await firstEditor.expectSaved();

  // What a reverse proxy answers while the app behind it restarts; the browser itself stays online.
  await answerSavesWith(first, { status: 502, contentType: "text/html", body: "<h1>502 Bad Gateway</h1>" }, ["/api/health"]);
  await first.keyboard.press("Enter");
  await first.keyboard.type("Typed while the gateway answered 502.");
  await expect(firstEditor.saveStatus()).toHaveText("Can't reach the server — retrying; your changes are kept on this device", { timeout: 15_000 });

  const second = await context.newPage();
  await second.goto(url);
  const secondEditor = new StoryEditorPage(second);
  await secondEditor.body().click();
  await second.keyboard.press("End");
  await second.keyboard.type(" Added in another tab.");
  await second.keyboard.press("ControlOrMeta+s");
  await secondEditor.expectSaved();

  // The gateway recovers; nobody touches the first tab, whose retry meets the newer version.
  await first.unroute("**/*");
  const dialog = first.getByRole("dialog", { name: "This story changed while you were editing" });
  await expect(dialog).toBeVisible({ timeout: 25_000 });
  await expect(dialog.getByRole("region", { name: "Your version" })).toContainText("Typed while the gateway answered 502.");
  await expect(dialog).toContainText("Added in another tab.");
  await context.close();
});

test("after a deploy the open editor's saves are refused: it asks for a reload, which restores the kept text", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await editor.body().click();
  await page.keyboard.type("Saved before the deploy.");
  await editor.expectSaved();

  // What a new build answers to the old build's save: its server actions have new ids.
  await answerSavesWith(page, { status: 404, headers: { "x-nextjs-action-not-found": "1" }, contentType: "text/plain", body: "Server action not found." });
  await page.keyboard.type(" Typed after the deploy.");
  await expect(editor.saveStatus()).toHaveText("Not saved — Masthead was updated: reload the page to keep saving; your changes are kept on this device", {
    timeout: 15_000,
  });
  await page.unroute("**/*");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.reload();
  const banner = page.getByRole("region", { name: "Unsaved changes" });
  await banner.getByRole("button", { name: "Restore unsaved changes" }).click();
  await expect(editor.body()).toContainText("Saved before the deploy. Typed after the deploy.");
  await editor.expectSaved();
});

test("leaving the page with unsaved changes asks first", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await editor.body().click();
  await page.keyboard.type("Not yet saved");
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  // Staying on the page keeps the editor; once it has saved, closing asks nothing more.
  await editor.expectSaved();
  await page.close();
});

test("offline edits are kept and saved when the connection returns; a closed tab offers to restore", async ({ page, context }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  const url = await editor.createStory();

  await context.setOffline(true);
  await editor.body().click();
  await page.keyboard.type("Typed while the train was in the tunnel.");
  await expect(editor.saveStatus()).toHaveText("Offline — changes kept on this device", { timeout: 15_000 });
  await context.setOffline(false);
  await editor.expectSaved();
  await page.reload();
  await expect(editor.body()).toContainText("Typed while the train was in the tunnel.");

  // The tab dies before the server ever hears of this sentence.
  await context.setOffline(true);
  await editor.body().click();
  await page.keyboard.press("End");
  await page.keyboard.type(" And this sentence was never sent.");
  await expect(editor.saveStatus()).toHaveText("Offline — changes kept on this device");
  await page.close({ runBeforeUnload: false });
  await context.setOffline(false);

  const reopened = await context.newPage();
  await reopened.goto(url);
  const banner = reopened.getByRole("region", { name: "Unsaved changes" });
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "Restore unsaved changes" }).click();
  const reopenedEditor = new StoryEditorPage(reopened);
  await expect(reopenedEditor.body()).toContainText("And this sentence was never sent.");
  await reopenedEditor.expectSaved();
  await reopened.reload();
  await expect(reopenedEditor.body()).toContainText("And this sentence was never sent.");
  await expect(reopened.getByRole("region", { name: "Unsaved changes" })).toHaveCount(0);
});

test("a writer submits a complete story for review and can no longer edit it", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  const checklist = page.getByRole("list", { name: "Missing before review" });
  await expect(checklist.getByRole("listitem")).toHaveText(["Add a headline.", "Add a dek.", "Choose a section."]);
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeDisabled();

  await page.getByLabel("Headline").fill("Lifeboat crew rescues two kayakers");
  await page.getByLabel("Dek").fill("The pair were found clinging to a buoy off the north breakwater.");
  await page.getByLabel("Section").selectOption({ label: "News" });
  await editor.body().click();
  await page.keyboard.type("The lifeboat launched at dawn.");
  await expect(page.getByText("Everything the editors need is here.")).toBeVisible();
  await page.getByLabel("Note for the editors (optional)").fill("Photos to follow.");
  await page.getByRole("button", { name: "Submit for review" }).click();

  await expect(page.getByTestId("story-status")).toHaveText("In review");
  await expect(page.getByText("This story is in review, so it is read-only for you.")).toBeVisible();
  await expect(page.getByLabel("Headline")).toBeDisabled();
  await expect(editor.body()).toHaveAttribute("contenteditable", "false");
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Draft");
  await expect(page.getByLabel("Headline")).toBeEnabled();
});

test("a writer cannot open or save another writer's story", async ({ browser }) => {
  const owner = await createStaff(servers.newsroom, "writer");
  const stranger = await createStaff(servers.newsroom, "writer");
  const ownerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::3:1" } });
  const ownerPage = await ownerContext.newPage();
  await new LoginPage(ownerPage).goto();
  await new LoginPage(ownerPage).signIn(owner.email, owner.password);
  const url = await new StoryEditorPage(ownerPage).createStory();
  await ownerPage.getByLabel("Headline").fill("A private draft");
  await new StoryEditorPage(ownerPage).expectSaved();

  const strangerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::3:2" } });
  const strangerPage = await strangerContext.newPage();
  await new LoginPage(strangerPage).goto();
  await new LoginPage(strangerPage).signIn(stranger.email, stranger.password);
  const response = await strangerPage.goto(url);
  expect(response?.status()).toBe(404);
  await expect(strangerPage.getByText("A private draft")).toHaveCount(0);
  await strangerPage.goto("/desk/stories");
  await expect(strangerPage.getByText("A private draft")).toHaveCount(0);
  await ownerContext.close();
  await strangerContext.close();
});

test("the history shows what changed word by word, and an earlier version can be restored", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await page.getByLabel("Headline").fill("Market reopens");
  await editor.body().click();
  await page.keyboard.type("The fish market reopened on Tuesday morning.");
  await page.keyboard.press("ControlOrMeta+s");
  await editor.expectSaved();

  await page.getByLabel("Headline").fill("Market reopens after storm");
  await editor.body().click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("The fish market reopened on Wednesday morning.");
  await page.keyboard.press("ControlOrMeta+s");
  await editor.expectSaved();

  await page.getByRole("link", { name: "History" }).click();
  const changes = page.getByRole("article", { name: "Changes" });
  await expect(changes.locator("del")).toContainText(["Tuesday"]);
  await expect(changes.locator("ins")).toContainText(["after storm", "Wednesday"]);

  // Any two versions can be compared, in either direction.
  const saved = page.getByRole("list", { name: "Revisions" }).getByRole("link").filter({ hasText: "Saved" });
  await expect(saved).toHaveCount(2);
  const options = changes.getByLabel("Compare").locator("option");
  const newest = await options.first().getAttribute("value");
  const oldest = await options.last().getAttribute("value");
  await changes.getByLabel("Compare").selectOption(newest!);
  await changes.getByLabel("with").selectOption(oldest!);
  await changes.getByRole("button", { name: "Show changes" }).click();
  await expect(page.getByRole("article", { name: "Changes" }).locator("del")).toContainText(["after storm"]);

  await page.getByRole("list", { name: "Revisions" }).getByRole("link").filter({ hasText: "Saved" }).nth(1).click();
  await page.getByRole("button", { name: "Restore this version" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(page.getByLabel("Headline")).toHaveValue("Market reopens");
  await expect(editor.body()).toHaveText("The fish market reopened on Tuesday morning.");
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("list", { name: "Revisions" }).getByRole("link").first()).toContainText("Restored an earlier version");
});

test("an editor orders a story's bylines; a writer only sees them", async ({ page }) => {
  const editorPerson = await signInAsNewStaff(page, "editor");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  const bylines = page.getByRole("list", { name: "Bylines" });
  await expect(bylines.getByRole("listitem")).toHaveCount(1);
  await expect(bylines).toContainText(editorPerson.displayName);
  await page.getByLabel("Add a byline").selectOption({ label: "Wren Calloway" });
  await page.getByRole("button", { name: "Move Wren Calloway up" }).click();
  await expect(bylines.getByRole("listitem")).toContainText(["Wren Calloway", editorPerson.displayName]);
  await expect(bylines.getByRole("listitem")).toHaveCount(2);
  await page.keyboard.press("ControlOrMeta+s");
  await editor.expectSaved();
  await page.reload();
  await expect(bylines.getByRole("listitem")).toContainText(["Wren Calloway", editorPerson.displayName]);
  await expect(bylines.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("button", { name: `Remove ${editorPerson.displayName}` })).toBeEnabled();
});

test("a featured image needs alt text before the story can go to review", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  await editor.createStory();
  await page.getByLabel("Featured image").setInputFiles({ name: "lead.png", mimeType: "image/png", buffer: await testImage(2000) });
  const featured = page.getByRole("group", { name: "Featured image" });
  await expect(featured.locator("img")).toHaveAttribute("src", /\/w1600\.webp$/);
  await expect(page.getByText("Add alt text to the featured image.")).toBeVisible();
  await featured.getByLabel("Alt text").fill("Kayakers on a calm sea");
  await featured.getByLabel("Credit").fill("Photo: Harbour Ledger");
  await expect(page.getByText("Add alt text to the featured image.")).toHaveCount(0);
  await editor.expectSaved();
  await page.reload();
  await expect(featured.getByRole("img", { name: "Kayakers on a calm sea" })).toBeVisible();
  await expect(featured.getByLabel("Credit")).toHaveValue("Photo: Harbour Ledger");

  await featured.getByRole("button", { name: "Remove featured image" }).click();
  await expect(page.getByLabel("Featured image")).toBeVisible();
  await page.getByLabel("Featured image").setInputFiles({ name: "notes.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
  await expect(featured.getByRole("alert")).toContainText(/image/i);
});

test("a writer deletes a draft nobody has seen; a submitted story offers no delete", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const editor = new StoryEditorPage(page);
  const url = await editor.createStory();
  await page.getByLabel("Headline").fill("A false start");
  await editor.expectSaved();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete draft" }).click();
  await expect(page.getByRole("status")).toHaveText("The draft was deleted.");
  await expect(page.getByText("A false start")).toHaveCount(0);
  expect((await page.goto(url))?.status()).toBe(404);

  await editor.createStory();
  await page.getByLabel("Headline").fill("Handed in");
  await page.getByLabel("Dek").fill("A dek.");
  await page.getByLabel("Section").selectOption({ label: "News" });
  await editor.body().click();
  await page.keyboard.type("Text.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("In review");
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Draft");
  await expect(page.getByRole("button", { name: "Delete draft" })).toHaveCount(0);
});
