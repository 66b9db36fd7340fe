import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import * as schema from "../db/schema";
import { exitCode, runScript, waitForLine } from "../tests/support/processes";
import { type S3StandIn, startS3StandIn } from "../tests/support/s3-server";
import { testDb } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { insertStory, waitUntilLive } from "./support/public-site";
import { DEMO_PASSWORD, PORT_BASE, type TestServer, runDir } from "./support/servers";
import { StoryEditorPage, testImage } from "./support/story-editor-page";

// One newsroom of its own, storing media in an S3 bucket (s3rver), which the test can take away;
// readers' pages load images straight from the bucket (MEDIA_PUBLIC_URL), the desk through /media.
const port = PORT_BASE + 24;
let server: TestServer;
let s3: S3StandIn;
let app: ChildProcess;

test.use({ baseURL: `http://localhost:${port}` });
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  s3 = await startS3StandIn();
  // A fresh directory on every attempt (a retry must not find the last attempt's uploads).
  server = { port, dataDir: fs.mkdtempSync(path.join(runDir, "media-s3-")), databaseUrl: "" };
  app = runScript("serve.ts", ["--demo"], { DATA_DIR: server.dataDir, PORT: String(server.port), DEMO_PASSWORD, TRUST_PROXY: "1", ...s3.env, MEDIA_PUBLIC_URL: `${s3.endpoint}/${s3.bucket}` });
  await waitForLine(app, /Masthead is ready/, 100_000);
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  if (app) await exitCode(app);
  await s3?.stop();
});

test("images uploaded into a bucket are served from it and shown to readers from its address; while it is gone pages still render and uploads say why they fail", async ({ page, request }) => {
  test.slow();
  await page.goto("/login");
  await new LoginPage(page).signIn("editor@newsroom.test", DEMO_PASSWORD);
  const editor = new StoryEditorPage(page);
  const editorUrl = await editor.createStory();

  await page.getByLabel("Insert an image").setInputFiles({ name: "quay.png", mimeType: "image/png", buffer: await testImage() });
  const inserted = editor.body().locator("figure img");
  await expect(inserted).toHaveAttribute("src", /^\/media\/[0-9a-f-]{36}\/w960\.webp$/);
  await expect.poll(() => inserted.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await editor.expectSaved();
  const src = (await inserted.getAttribute("src"))!;
  const [, , id] = src.split("/");
  expect((await s3.keys()).filter((key) => key.startsWith(`${id}/`))).toEqual([`${id}/original.png`, `${id}/w480.webp`, `${id}/w960.webp`]);
  const served = await request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(await served.body()).toEqual(await s3.read(`${id}/w960.webp`));

  // A published story with that image as its featured image.
  const [editorRow] = await testDb(server).select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "editor@newsroom.test"));
  const story = await insertStory(
    { headline: "Harbour wall repairs begin", authorId: editorRow.id, featuredImage: { id, alt: "The harbour wall at low tide", caption: "", credit: "" } },
    server,
  );
  await waitUntilLive(request, story.path);
  await page.goto(story.path);
  const featured = page.getByRole("img", { name: "The harbour wall at low tide" });
  await expect(featured).toHaveAttribute("src", `${s3.endpoint}/${s3.bucket}/${id}/w960.webp`);
  await expect.poll(() => featured.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);

  await s3.pause();

  await page.goto(story.path);
  await expect(page.getByRole("heading", { level: 1, name: "Harbour wall repairs begin" })).toBeVisible();
  const started = Date.now();
  const unavailable = await request.get(`/media/${id}/w480.webp`);
  expect(unavailable.status()).toBe(503);
  expect(unavailable.headers()["retry-after"]).toBe("10");
  expect(await unavailable.text()).toBe("The image store cannot be reached just now; try again in a moment.");
  expect(Date.now() - started).toBeLessThan(5_000);

  await page.goto(editorUrl);
  await page.getByLabel("Insert an image").setInputFiles({ name: "pier.png", mimeType: "image/png", buffer: await testImage(800) });
  await expect(page.getByRole("alert").filter({ hasText: "The image store cannot be reached just now; try again in a moment." })).toBeVisible();
  await expect(editor.body().locator("figure img")).toHaveCount(1);
  expect(await testDb(server).select({ id: schema.media.id }).from(schema.media)).toHaveLength(1);
});
