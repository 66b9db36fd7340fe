/**
 * `npm run bench`: the writer's desk speed targets, measured side by side in one run on this
 * machine (never as timed tests: shared machines are noisy). Needs a production build.
 *   1. Autosave round trip (validate + conditional save + snapshot) of a 5,000-word story on the
 *      embedded database, against a bare `SELECT 1` round trip. Target: p95 ≤ 150 ms.
 * Run with the react-server condition (see package.json) so the server-only query modules load.
 *   2. Keystroke latency in Chromium (Event Timing API) on a 20,000-word story, against a
 *      200-word one. Target: p95 < 50 ms.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { drizzle } from "drizzle-orm/node-postgres";
import { exitCode, runScript, waitForLine } from "../tests/support/processes";
import { startEmbeddedPostgres } from "../db/embedded/server";
import { runMigrations } from "../db/migrate";
import { createPool } from "../db/pool";
import * as schema from "../db/schema";
import { hashPassword } from "../lib/passwords";
import { autosave, percentile, report, storyBody } from "./support";

async function benchAutosave(url: string) {
  const pool = createPool(url, 4);
  const db = drizzle(pool, { schema });
  const [user] = await db
    .insert(schema.users)
    .values({ email: "bench@newsroom.test", displayName: "Bench", slug: "bench", role: "writer", passwordHash: "x" })
    .returning();
  const [story] = await db.insert(schema.stories).values({ createdBy: user.id }).returning();
  const body = storyBody(5000);
  process.env.DATABASE_URL = url;
  const save: number[] = [];
  const ping: number[] = [];
  let revision = 1;
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await pool.query("SELECT 1");
    ping.push(performance.now() - started);

    body.content[0] = { type: "paragraph", content: [{ type: "text", text: `Edit number ${i}.` }] };
    const saveStarted = performance.now();
    revision = await autosave(story.id, revision, body, user.id);
    save.push(performance.now() - saveStarted);
  }
  await pool.end();
  const ratio = percentile(save, 95) / percentile(ping, 95);
  console.log(report("SELECT 1 round trip", ping.slice(10)));
  console.log(report("autosave of a 5,000-word story", save.slice(10)));
  console.log(`autosave p95 / SELECT 1 p95: ${ratio.toFixed(1)}x; p95 / 150 ms target: ${(percentile(save.slice(10), 95) / 150).toFixed(2)}`);
}

async function benchTyping() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bench-"));
  const port = 3299;
  const server = runScript("serve.ts", [], { DATA_DIR: dataDir, PORT: String(port) });
  try {
    await waitForLine(server, /Masthead is ready/, 120_000);
    const pool = createPool(fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim(), 2);
    const db = drizzle(pool, { schema });
    const password = crypto.randomBytes(12).toString("hex");
    const [user] = await db
      .insert(schema.users)
      .values({ email: "typist@newsroom.test", displayName: "Typist", slug: "typist", role: "writer", passwordHash: await hashPassword(password) })
      .returning();
    const storyIds: Record<string, string> = {};
    for (const words of [200, 20_000]) {
      const [story] = await db.insert(schema.stories).values({ createdBy: user.id, body: storyBody(words), wordCount: words }).returning();
      await db.insert(schema.storyBylines).values({ storyId: story.id, userId: user.id, position: 0 });
      storyIds[words] = story.id;
    }
    await pool.end();

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/login`);
    await page.getByLabel("Email").fill("typist@newsroom.test");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/desk$/);
    const results: Record<string, number[]> = {};
    for (const [words, id] of Object.entries(storyIds)) {
      await page.goto(`http://localhost:${port}/desk/stories/${id}/edit`);
      const body = page.getByRole("textbox", { name: "Story body" });
      await body.click();
      await page.keyboard.press("ControlOrMeta+End");
      await page.evaluate(() => {
        const durations: number[] = [];
        (window as unknown as { keyDurations: number[] }).keyDurations = durations;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (entry.name === "keydown") durations.push(entry.duration);
        }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
      });
      const typed: number[] = [];
      for (const character of "The quick brown fox jumps over the lazy dog. ".repeat(3)) {
        const started = performance.now();
        await page.keyboard.type(character);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
        typed.push(performance.now() - started);
      }
      // Event Timing reports only events of 16 ms or more (one frame); faster ones count as 16.
      const reported = await page.evaluate(() => (window as unknown as { keyDurations: number[] }).keyDurations);
      const durations = [...reported, ...Array(Math.max(0, typed.length - reported.length)).fill(16)];
      results[words] = durations;
      const label = Number(words).toLocaleString("en");
      console.log(report(`keydown to paint (Event Timing), ${label} words`, durations));
      console.log(report(`  seen from Playwright, ${label} words`, typed));
    }
    const large = percentile(results[20000], 95);
    console.log(
      `20,000-word p95 / 200-word p95: ${(large / percentile(results[200], 95)).toFixed(2)}x; p95 / 50 ms target: ${(large / 50).toFixed(2)}`,
    );
    await browser.close();
  } finally {
    server.kill("SIGTERM");
    await exitCode(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bench-db-"));
  const embedded = await startEmbeddedPostgres(dataDir);
  try {
    const pool = createPool(embedded.url, 1);
    await runMigrations(pool);
    await pool.end();
    console.log("Autosave on the embedded database");
    await benchAutosave(embedded.url);
  } finally {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log("\nTyping in the editor (production build, Chromium)");
  await benchTyping();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
