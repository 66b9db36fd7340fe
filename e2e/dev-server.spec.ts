import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import * as schema from "../db/schema";
import { exitCode, output, runScript, waitForLine } from "../tests/support/processes";
import { testDb } from "./support/database";
import { expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, PORT_BASE, type TestServer, runDir } from "./support/servers";

/**
 * `npm run dev` serves the same public pages with the same statuses as production: the story
 * addresses' 301 and 410 come from proxy.ts and the pages, not from anything production-only.
 */
test.describe.configure({ mode: "serial" });

const DEV_PORT = PORT_BASE + 55;
let dev: TestServer & { stop: () => Promise<void> };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const dataDir = fs.mkdtempSync(path.join(runDir, "dev-server-"));
  const server = runScript("serve.ts", ["--dev"], { DATA_DIR: dataDir, PORT: String(DEV_PORT), DEMO_PASSWORD });
  const log = output(server);
  await waitForLine(server, /Masthead is ready/, 200_000).catch((error) => {
    throw new Error(`npm run dev did not start: ${error.message}\n${log.text()}`);
  });
  const databaseUrl = fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim();
  dev = {
    port: DEV_PORT,
    dataDir,
    databaseUrl,
    stop: async () => {
      server.kill("SIGTERM");
      await exitCode(server);
    },
  };
});

test.afterAll(async () => {
  await dev?.stop();
});

test("the development server answers public pages with production's statuses", async ({ request }) => {
  test.setTimeout(240_000);
  const origin = `http://localhost:${DEV_PORT}`;
  const db = testDb(dev);
  let live: { id: string; slug: string; section: string } | undefined;
  await expect
    .poll(async () => {
      [live] = await db
        .select({ id: schema.publicStories.storyId, slug: schema.publicStories.slug, section: schema.sections.slug })
        .from(schema.publicStories)
        .innerJoin(schema.sections, eq(schema.sections.id, schema.publicStories.sectionId))
        .limit(1);
      return live !== undefined;
    }, { timeout: 60_000 })
    .toBe(true);
  const { id, slug, section } = live!;
  const storyPath = `/${section}/${slug}`;
  const status = async (address: string) => (await request.get(`${origin}${address}`, { maxRedirects: 0, timeout: 120_000 })).status();

  expect(await status("/")).toBe(200);
  expect(await status(`/${section}`)).toBe(200);
  expect(await status(storyPath)).toBe(200);
  expect(await status(`/${section}/no-such-story`)).toBe(404);

  await db.insert(schema.storyPaths).values({ sectionSlug: section, slug: `old-${slug}`, storyId: id });
  await db.update(schema.publication).set({ publicVersion: Date.now() % 1_000_000_000 });
  expect(await status(`/${section}/old-${slug}`)).toBe(301);

  await db.delete(schema.publicStories).where(eq(schema.publicStories.storyId, id));
  await db.update(schema.publication).set({ publicVersion: (Date.now() % 1_000_000_000) + 1 });
  expect(await status(storyPath)).toBe(410);
});
