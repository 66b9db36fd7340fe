import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Browser, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { exitCode, output, runScript, waitForLine } from "../tests/support/processes";
import { type TestPostgres, startTestPostgres } from "../tests/support/postgres";
import { type S3StandIn, startS3StandIn } from "../tests/support/s3-server";
import { createStaff, testDb } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { insertStory, uniqueWord, waitUntilLive } from "./support/public-site";
import { DEMO_PASSWORD, PORT_BASE, type TestServer, runDir } from "./support/servers";
import { testImage } from "./support/story-editor-page";

/**
 * Two instances of Masthead as a newsroom runs them behind a load balancer: each its own process
 * and data directory, one PostgreSQL, one bucket, one AUTH_SECRET. What one instance does, the
 * other must see on its next request.
 */
test.describe.configure({ mode: "serial" });

type Instance = TestServer & { origin: string; stop: () => Promise<void> };

let postgres: TestPostgres;
let bucket: S3StandIn;
const instances: Instance[] = [];
const [a, b] = [() => instances[0], () => instances[1]];

async function startInstance(index: number, databaseUrl: string, env: Record<string, string>): Promise<Instance> {
  const port = PORT_BASE + 40 + index;
  const dataDir = fs.mkdtempSync(path.join(runDir, `fleet-${index}-`));
  // The first instance migrates and seeds the demo newsroom; the second starts as `npm start` does.
  const server = runScript("serve.ts", index === 0 ? ["--demo"] : [], {
    ...env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    DEMO_PASSWORD,
    TRUST_PROXY: "1",
  });
  const log = output(server);
  await waitForLine(server, /Masthead is ready/, 120_000).catch((error) => {
    throw new Error(`instance ${index} did not start: ${error.message}\n${log.text()}`);
  });
  return {
    port,
    dataDir,
    databaseUrl,
    origin: `http://localhost:${port}`,
    stop: async () => {
      server.kill("SIGTERM");
      await exitCode(server);
    },
  };
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  [postgres, bucket] = await Promise.all([startTestPostgres(), startS3StandIn()]);
  const databaseUrl = await postgres.createDatabase();
  const env = { ...bucket.env, AUTH_SECRET: crypto.randomBytes(32).toString("base64url") };
  instances.push(await startInstance(0, databaseUrl, env));
  instances.push(await startInstance(1, databaseUrl, env));
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await bucket?.stop();
  await postgres?.stop();
});

async function signIn(page: Page, instance: Instance, email: string, password: string) {
  await page.goto(`${instance.origin}/login`);
  await new LoginPage(page).signIn(email, password);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** A browser context of its own, presenting its own client address (the instances trust the proxy header). */
async function person(browser: Browser) {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `2001:db8::${crypto.randomBytes(2).toString("hex")}:${crypto.randomBytes(2).toString("hex")}` },
  });
  return { context, page: await context.newPage() };
}

test("an avatar uploaded through one instance shows on the other's public page, the same bytes, from the bucket", async ({ page, request }) => {
  test.slow();
  const writer = await createStaff(a(), "writer");
  const story = await insertStory({ headline: `Harbour ${uniqueWord()} pilots strike`, authorId: writer.id }, a());
  await waitUntilLive(request, `${b().origin}${story.path}`);

  await signIn(page, a(), writer.email, writer.password);
  await page.goto(`${a().origin}/desk/profile`);
  const profile = page.getByRole("form", { name: "Profile" });
  await profile.getByLabel("Avatar").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await testImage(300) });
  const preview = profile.getByRole("img", { name: "Your avatar" });
  await expect(preview).toBeVisible();
  const mediaId = new URL((await preview.getAttribute("src"))!, page.url()).pathname.split("/")[2];
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Profile saved.");

  await page.goto(`${b().origin}/authors/${writer.slug}`);
  const avatar = page.getByRole("main").locator(`img[src*="/media/${mediaId}/"]`);
  await expect(avatar).toBeVisible();
  expect(await avatar.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  const file = new URL((await avatar.getAttribute("src"))!, page.url()).pathname;
  const [fromA, fromB] = await Promise.all([request.get(`${a().origin}${file}`), request.get(`${b().origin}${file}`)]);
  expect([fromA.status(), fromB.status()]).toEqual([200, 200]);
  expect(Buffer.compare(await fromA.body(), await fromB.body())).toBe(0);
  expect(fromB.headers()["cache-control"]).toContain("immutable");
  // Neither instance keeps a copy of its own: the bytes live in the bucket.
  for (const instance of instances) expect(fs.existsSync(path.join(instance.dataDir, "media", mediaId))).toBe(false);
  expect(await bucket.keys()).toEqual(expect.arrayContaining([file.replace(/^\/media\//, "")]));
});

test("an update published on one instance is what the other serves on its next request", async ({ page, request }) => {
  const editor = await createStaff(a(), "editor");
  const story = await insertStory({ headline: `Ferry ${uniqueWord()} timetable`, authorId: editor.id, text: "The first ferry leaves at 6.15." }, a());
  await waitUntilLive(request, `${a().origin}${story.path}`);
  // B renders (and keeps) the live version first, so what follows must replace a kept page.
  expect(await (await request.get(`${b().origin}${story.path}`)).text()).toContain("6.15");

  await signIn(page, a(), editor.email, editor.password);
  await page.goto(`${a().origin}/desk/stories/${story.id}/edit`);
  await page.getByLabel("Headline").fill(`${story.headline}, corrected`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const publishing = page.getByRole("region", { name: "Publishing" });
  await expect(publishing).toContainText("Your edits are not public until you publish the update.");
  await publishing.getByRole("button", { name: "Publish update" }).click();
  await expect(publishing).toContainText("Readers see this version.");

  await page.goto(`${b().origin}${story.path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${story.headline}, corrected`);
});

test("a story falling due while both instances run is published once", async ({ request }) => {
  const writer = await createStaff(a(), "writer");
  const story = await insertStory({ headline: `Lifeboat ${uniqueWord()} launch`, authorId: writer.id, publishAt: new Date(Date.now() + 2_000) }, a());
  await waitUntilLive(request, `${b().origin}${story.path}`);
  expect((await request.get(`${a().origin}${story.path}`)).status()).toBe(200);
  // Both schedulers have ticked several times since: still one publication.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const { rows } = await testDb(a()).execute<{ entries: number }>(
    sql`SELECT count(*)::int AS entries FROM audit_log WHERE target_id = ${story.id} AND action = 'story.scheduledPublish'`,
  );
  expect(rows[0].entries).toBe(1);
});

test("a person signed out everywhere on one instance is signed out on the other", async ({ browser }) => {
  const writer = await createStaff(a(), "writer");
  const admin = await createStaff(a(), "admin");
  const writerSide = await person(browser);
  const adminSide = await person(browser);
  try {
    await signIn(writerSide.page, b(), writer.email, writer.password);
    await signIn(adminSide.page, a(), admin.email, admin.password);
    await adminSide.page.goto(`${a().origin}/desk/admin/staff`);
    await adminSide.page.getByRole("button", { name: `Sign ${writer.displayName} out everywhere` }).click();
    await expect(adminSide.page.getByRole("status").filter({ hasText: /signed out/i })).toBeVisible();

    await writerSide.page.goto(`${b().origin}/desk`);
    await expect(writerSide.page).toHaveURL(/\/login/);
  } finally {
    await writerSide.context.close();
    await adminSide.context.close();
  }
});

test("failed sign-ins on both instances count against one limit", async ({ page }) => {
  const writer = await createStaff(a(), "writer");
  const login = new LoginPage(page);
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.goto(`${instances[attempt % 2].origin}/login`);
    await login.signIn(writer.email, `wrong-password-${attempt}`);
    await expect(login.alert()).toHaveText("Wrong email or password.");
  }
  for (const instance of instances) {
    await page.goto(`${instance.origin}/login`);
    await login.signIn(writer.email, writer.password);
    await expect(login.alert()).toHaveText(/Too many failed sign-in attempts\. Try again in 1[45] minutes\./);
  }
});
