import fs from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { type APIRequestContext, type Page, request as playwrightRequest } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "../db/schema";
import { exitCode, output, runScript, waitForLine } from "../tests/support/processes";
import { type VarnishInFront, startVarnish } from "../tests/support/varnish";
import { testDb } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, PORT_BASE, type TestServer, runDir } from "./support/servers";
import { StoryEditorPage } from "./support/story-editor-page";

/**
 * Masthead behind Varnish 7 with the shipped configuration (deploy/varnish/default.vcl) and its
 * purge hook (CACHE_PURGE_URL): every change readers can see is on the next request through
 * Varnish, pages are otherwise answered by Varnish alone, and nothing personal is ever kept.
 */
test.describe.configure({ mode: "serial" });

const VARNISH_PORT = PORT_BASE + 50;
const APP_PORT = PORT_BASE + 51;
let varnish: VarnishInFront;
let app: TestServer & { stop: () => Promise<void> };
let reader: APIRequestContext;
let story: { id: string; path: string };

/** One of the demo newsroom's stories, once the server has put them live (just after it starts). */
async function aLiveStory(server: TestServer): Promise<{ id: string; path: string }> {
  let live: { id: string; slug: string; section: string } | undefined;
  await expect
    .poll(async () => {
      [live] = await testDb(server)
        .select({ id: schema.publicStories.storyId, slug: schema.publicStories.slug, section: schema.sections.slug })
        .from(schema.publicStories)
        .innerJoin(schema.sections, eq(schema.sections.id, schema.publicStories.sectionId))
        .limit(1);
      return live !== undefined;
    }, { timeout: 30_000 })
    .toBe(true);
  return { id: live!.id, path: `/${live!.section}/${live!.slug}` };
}

/** A reader without cookies, through Varnish. */
async function read(address: string) {
  const response = await reader.get(address, { maxRedirects: 0 });
  return { status: response.status(), text: await response.text(), cache: response.headers()["x-cache"], location: response.headers().location };
}

/** Asked twice, the second answer is Varnish's own. */
async function expectKept(address: string) {
  await read(address);
  expect((await read(address)).cache, address).toBe("hit");
}

async function signInAsAdmin(page: Page) {
  const login = new LoginPage(page);
  await login.goto("/desk");
  await login.signIn("admin@newsroom.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/desk/);
}

test.use({ baseURL: `http://127.0.0.1:${VARNISH_PORT}` });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  varnish = await startVarnish(VARNISH_PORT, APP_PORT);
  const dataDir = fs.mkdtempSync(path.join(runDir, "varnish-app-"));
  const server = runScript("serve.ts", ["--demo"], {
    DATA_DIR: dataDir,
    PORT: String(APP_PORT),
    DEMO_PASSWORD,
    TRUST_PROXY: "1",
    PUBLIC_URL: varnish.url,
    CACHE_PURGE_URL: varnish.purgeUrl,
  });
  const log = output(server);
  await waitForLine(server, /Masthead is ready/, 150_000).catch((error) => {
    throw new Error(`the app did not start: ${error.message}\n${log.text()}`);
  });
  const databaseUrl = fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim();
  app = {
    port: APP_PORT,
    dataDir,
    databaseUrl,
    stop: async () => {
      server.kill("SIGTERM");
      await exitCode(server);
    },
  };
  reader = await playwrightRequest.newContext({ baseURL: varnish.url });
  story = await aLiveStory(app);
});

test.afterAll(async () => {
  await reader?.dispose();
  await app?.stop();
  await varnish?.stop();
});

test("a story's update, new address, unpublishing and republishing are each seen through Varnish on the next request", async ({ page }) => {
  test.slow();
  await expectKept(story.path);
  await signInAsAdmin(page);
  await page.goto(`/desk/stories/${story.id}/edit`);
  const editor = new StoryEditorPage(page);
  const publishing = page.getByRole("region", { name: "Publishing" });

  await editor.body().click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Varnish saw this sentence.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await editor.expectSaved();
  await publishing.getByRole("button", { name: "Publish update" }).click();
  await expect(publishing).toContainText("Readers see this version.");
  const updated = await read(story.path);
  expect(updated.status).toBe(200);
  expect(updated.text).toContain("Varnish saw this sentence.");
  await expectKept(story.path);

  const newSlug = `moved-${Date.now()}`;
  await page.getByLabel("Slug").fill(newSlug);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await editor.expectSaved();
  await publishing.getByRole("button", { name: "Publish update" }).click();
  await expect(publishing).toContainText("Readers see this version.");
  const newPath = `${story.path.slice(0, story.path.lastIndexOf("/"))}/${newSlug}`;
  const moved = await read(story.path);
  expect(moved.status).toBe(301);
  expect(moved.location).toBe(newPath);
  expect((await read(newPath)).status).toBe(200);
  await expectKept(newPath);

  await publishing.getByLabel("Reason for unpublishing").fill("Checking how caches hear of it.");
  await publishing.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Unpublished");
  const gone = await read(newPath);
  expect(gone.status).toBe(410);
  expect(gone.text).toContain("This story has been removed");
  await expectKept(newPath);

  await publishing.getByRole("button", { name: "Republish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  expect((await read(newPath)).status).toBe(200);
});

test("a section rename and a settings change show on every page through Varnish on the next request", async ({ page }) => {
  await expectKept("/");
  await expectKept(story.path.replace(/\/[^/]+$/, ""));
  await signInAsAdmin(page);

  await page.goto("/desk/admin/sections");
  const section = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: "Rename" }) }).first();
  const newName = `Renamed ${Date.now()}`;
  await section.getByLabel("Name").fill(newName);
  await section.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("listitem", { name: newName })).toBeVisible();
  expect((await read("/")).text).toContain(newName);

  await expectKept("/");
  await page.goto("/desk/admin/settings");
  const newTitle = `The Varnish Gazette ${Date.now()}`;
  await page.getByLabel("Publication name").fill(newTitle);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  expect((await read("/")).text).toContain(newTitle);
  expect((await read("/feed.xml")).text).toContain(newTitle);
});

test("a signed-in editor's desk pages never come out of Varnish", async ({ page }) => {
  await signInAsAdmin(page);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const answer = await page.goto("/desk/stories");
    expect(answer!.headers()["x-cache"]).toBe("miss");
    await expect(page.getByRole("navigation", { name: "Desk" })).toBeVisible();
  }
  // The same holds for a public page read with the session's cookie: it goes to the app.
  const asStaff = await page.request.get(story.path.replace(/\/[^/]+$/, ""));
  expect(asStaff.headers()["x-cache"]).toBe("miss");
});

test("an answer carrying a Set-Cookie is never kept, even when it says it may be", async () => {
  let asked = 0;
  const backend = createServer((_request, response) => {
    asked += 1;
    response.writeHead(200, { "content-type": "text/html", "cache-control": "public, max-age=0, s-maxage=600", "set-cookie": "session=personal" });
    response.end("<p>personal</p>");
  });
  await new Promise<void>((resolve) => backend.listen(PORT_BASE + 53, "127.0.0.1", resolve));
  const front = await startVarnish(PORT_BASE + 52, PORT_BASE + 53);
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) await fetch(`${front.url}/news`);
    expect(asked).toBe(3);
  } finally {
    await front.stop();
    backend.close();
  }
});
