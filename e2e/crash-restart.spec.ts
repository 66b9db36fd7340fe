import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import pg from "pg";
import { exitCode, output, runScript, waitForLine } from "../tests/support/processes";
import { LoginPage, expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, PORT_BASE, runDir } from "./support/servers";
import { StoryEditorPage } from "./support/story-editor-page";

// A newsroom of this file's own, killed and restarted under the editor. runScript drops
// DATABASE_URL, so it is always the embedded database, the one a crash can hurt.
const port = PORT_BASE + 30;
const dataDir = fs.mkdtempSync(path.join(runDir, "crash-"));
let server: ChildProcess | undefined;

test.use({ baseURL: `http://localhost:${port}` });
test.describe.configure({ mode: "serial" });

async function startServer() {
  server = runScript("serve.ts", ["--demo"], { DATA_DIR: dataDir, PORT: String(port), DEMO_PASSWORD, TRUST_PROXY: "1" }, { detached: true });
  await waitForLine(server, new RegExp(`Masthead is ready at http://localhost:${port}`), 90_000);
  return server;
}

/** The story's body as the database holds it, read by a connection of the test's own. */
async function storedBody(storyId: string): Promise<string> {
  const client = new pg.Client(fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim());
  await client.connect();
  try {
    return (await client.query<{ body: string }>("SELECT body::text AS body FROM stories WHERE id = $1", [storyId])).rows[0].body;
  } finally {
    await client.end();
  }
}

async function openNewStoryAsWriter(page: Page) {
  await page.goto("/login");
  await new LoginPage(page).signIn("writer@newsroom.test", DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  const editor = new StoryEditorPage(page);
  const url = await editor.createStory();
  return { editor, storyId: url.match(/stories\/([0-9a-f-]{36})\/edit$/)![1] };
}

test.afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    process.kill(-server.pid!, "SIGKILL");
    await exitCode(server);
  }
});

test("text typed while the server is down reaches it after a kill -9 and a restart, without more typing", async ({ page }) => {
  test.setTimeout(240_000);
  await startServer();
  const { editor, storyId } = await openNewStoryAsWriter(page);
  await editor.body().click();
  await page.keyboard.type("Written before the crash.");
  await editor.expectSaved();

  // The whole newsroom at once: launcher, web server and embedded database.
  const killed = server!;
  process.kill(-killed.pid!, "SIGKILL");
  await exitCode(killed);

  await page.keyboard.press("Enter");
  await page.keyboard.type("Written while the server was gone.");
  await expect(editor.saveStatus()).toHaveText("Can't reach the server — retrying; your changes are kept on this device", { timeout: 15_000 });

  await startServer();
  // Nothing typed from here on: the editor's own retry carries the paragraph over.
  await expect(editor.saveStatus()).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 30_000 });
  expect(await storedBody(storyId)).toContain("Written while the server was gone.");
  expect(await storedBody(storyId)).toContain("Written before the crash.");
  await page.reload();
  await expect(editor.body()).toContainText("Written before the crash.");
  await expect(editor.body()).toContainText("Written while the server was gone.");
  await expect(page.getByRole("region", { name: "Unsaved changes" })).toHaveCount(0);
});

test("SIGTERM lets a save under way finish, then the server exits 0 promptly", async ({ page }) => {
  test.setTimeout(180_000);
  if (!server || server.exitCode !== null || server.signalCode !== null) await startServer();
  const running = server!;
  const log = output(running);
  const { editor, storyId } = await openNewStoryAsWriter(page);

  // A transaction of the test's own holds the embedded database's one backend, so the save waits in it.
  const holder = new pg.Client(fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim());
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query("SELECT 1 FROM stories WHERE id = $1 FOR UPDATE", [storyId]);
  const saveSent = page.waitForRequest((request) => request.method() === "POST" && request.url().includes(storyId));
  await editor.body().click();
  await page.keyboard.type("Saved while the server was stopping.");
  await saveSent;
  await new Promise((resolve) => setTimeout(resolve, 500));

  const stopAsked = performance.now();
  running.kill("SIGTERM");
  await expect(editor.saveStatus()).toHaveText("Saving…");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(running.exitCode, "still finishing the save").toBeNull();
  await holder.query("COMMIT");
  await holder.end();

  await expect(editor.saveStatus()).toHaveText(/^Saved \d\d:\d\d$/);
  expect(await exitCode(running)).toBe(0);
  expect(performance.now() - stopAsked, "exits promptly once the save is done").toBeLessThan(10_000);
  expect(log.text()).not.toMatch(/cut off/);
  expect(fs.existsSync(path.join(dataDir, "masthead.lock")), "the data directory is released").toBe(false);

  // The next start serves the saved text.
  await startServer();
  expect(await storedBody(storyId)).toContain("Saved while the server was stopping.");
});
