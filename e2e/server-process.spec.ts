import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { exitCode, output, runScript, waitForLine } from "../tests/support/processes";
import { LoginPage, expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, PORT_BASE, runDir } from "./support/servers";

/** Opens the stopped newsroom's database alone, and leaves a story scheduled for a minute ago. */
async function scheduleWhileDown(dataDir: string): Promise<string> {
  const database = runScript("db.ts", ["server"], { DATA_DIR: dataDir });
  const [, url] = await waitForLine(database, /DATABASE_URL=(\S+)/, 60_000);
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query(
      `INSERT INTO stories (headline, dek, slug, section_id, body, status, publish_at, created_by)
       SELECT 'Lifeboat crew rescues three', 'The crew launched twice in one night to reach a yacht in trouble off the point.',
              'lifeboat-crew-rescues-three', (SELECT id FROM sections WHERE slug = 'news'),
              '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"All three are safe."}]}]}',
              'scheduled', now() - interval '1 minute', u.id
       FROM users u WHERE u.email = 'writer@newsroom.test' RETURNING id, created_by`,
    );
    await client.query("INSERT INTO story_bylines (story_id, user_id, position) VALUES ($1, $2, 0)", [rows[0].id, rows[0].created_by]);
    return rows[0].id;
  } finally {
    await client.end();
    database.kill("SIGTERM");
    await exitCode(database);
  }
}

// `npm run demo` and `npm start` as a person runs them: start, refuse a twin, stop cleanly, start again.
test("the server owns its data directory, shuts down cleanly and reseeds safely", async ({ page }) => {
  test.slow();
  const dataDir = fs.mkdtempSync(path.join(runDir, "process-"));
  const port = PORT_BASE + 10;
  // runScript drops DATABASE_URL, so this always runs the embedded database, whichever suite this is.
  const env = { DATA_DIR: dataDir, PORT: String(port), DEMO_PASSWORD, TRUST_PROXY: "1" };
  const start = () => runScript("serve.ts", ["--demo"], env);

  const first = start();
  await waitForLine(first, new RegExp(`Masthead is ready at http://localhost:${port}`), 90_000);
  expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);

  const twin = runScript("serve.ts", ["--demo"], { ...env, PORT: String(port + 1) });
  const twinLog = output(twin);
  expect(await exitCode(twin)).toBe(1);
  expect(twinLog.text().trim()).toMatch(/^masthead: The data directory .* is already in use/);

  first.kill("SIGTERM");
  expect(await exitCode(first)).toBe(0);
  expect(fs.existsSync(path.join(dataDir, "masthead.lock"))).toBe(false);

  // A story falls due while no server is running: the next start publishes it, once.
  const dueStoryId = await scheduleWhileDown(dataDir);
  const second = start();
  try {
    await waitForLine(second, /Masthead is ready/, 90_000);
    const client = new pg.Client(fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim());
    await client.connect();
    const dueStory = async () =>
      (
        await client.query(
          `SELECT s.status, s.published_at IS NOT NULL AS dated, (SELECT count(*)::int FROM audit_log a WHERE a.target_id = s.id::text AND a.action = 'story.scheduledPublish') AS published_entries, EXISTS (SELECT 1 FROM public_stories p WHERE p.story_id = s.id) AS live FROM stories s WHERE s.id = $1`,
          [dueStoryId],
        )
      ).rows;
    // The scheduler starts with the server and publishes what fell due before its first tick.
    await expect.poll(dueStory, { timeout: 5_000 }).toEqual([{ status: "published", dated: true, published_entries: 1, live: true }]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await dueStory(), "published once, not again on later ticks").toEqual([{ status: "published", dated: true, published_entries: 1, live: true }]);
    await client.end();
    await page.goto(`http://localhost:${port}/`);
    await expect(page.getByRole("heading", { name: /Harbour council approves a new sea wall/ })).toHaveCount(1);
    await page.goto(`http://localhost:${port}/login`);
    await new LoginPage(page).signIn("admin@newsroom.test", DEMO_PASSWORD);
    await expect(page.getByTestId("signed-in-as")).toHaveText(/Mara Quill\s*Admin/);
  } finally {
    second.kill("SIGTERM");
    await exitCode(second);
  }
});
