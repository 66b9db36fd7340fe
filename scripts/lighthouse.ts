/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (mobile, its default) with Debian's Chromium on the demo
 * newsroom's home page and a story page, printing each category's score. Needs a production build.
 * Targets: performance ≥ 95; accessibility, best practices and SEO 100.
 *
 * Each page is measured five times (`LIGHTHOUSE_RUNS`) and judged by the median, as Lighthouse's
 * own guidance on variability advises: on a shared 2-core machine one run's total blocking time
 * moves by more than 100 ms from run to run, and the performance score with it. Every run's
 * score is printed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import pg from "pg";
import { exitCode, runScript, waitForLine } from "../tests/support/processes";

const PORT = 3296;
const BASE = `http://localhost:${PORT}`;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-lighthouse-"));
  const server = runScript("serve.ts", ["--demo"], { DATA_DIR: dataDir, PORT: String(PORT) });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  let failed = false;
  try {
    await waitForLine(server, /Masthead is ready/, 180_000);
    const pool = new pg.Pool({ connectionString: fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim(), max: 1 });
    // The demo's stories go live as the server's scheduler starts, just after it is ready.
    let rows: { path: string }[] = [];
    for (let tries = 0; rows.length === 0 && tries < 60; tries += 1) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 500));
      ({ rows } = await pool.query<{ path: string }>(
        "SELECT '/' || s.slug || '/' || p.slug AS path FROM public_stories p JOIN sections s ON s.id = p.section_id ORDER BY p.published_at DESC LIMIT 1",
      ));
    }
    await pool.end();
    for (const [label, address] of [["home page", "/"], ["story page", rows[0].path]] as const) {
      // Once to render and cache the page, as a reader after the first would find it.
      await fetch(`${BASE}${address}`);
      const runs: NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"][] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await lighthouse(`${BASE}${address}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
        if (result) runs.push(result.lhr);
      }
      const scores = CATEGORIES.map((category) => {
        const each = runs.map((lhr) => Math.round((lhr.categories[category]?.score ?? 0) * 100));
        const score = median(each);
        if (score < TARGETS[category]) failed = true;
        const spread = new Set(each).size > 1 ? ` (runs: ${each.join(" ")})` : "";
        return `${category} ${score}${score < TARGETS[category] ? ` (target ${TARGETS[category]})` : ""}${spread}`;
      });
      console.log(`${label.padEnd(11)} ${address}, median of ${runs.length}: ${scores.join(", ")}`);
      const milliseconds = (audit: string) => runs.map((lhr) => Math.round(lhr.audits[audit]?.numericValue ?? NaN));
      const unused = runs[0]?.audits["unused-javascript"]?.displayValue || "none";
      console.log(
        `            total blocking time median ${median(milliseconds("total-blocking-time"))} ms (runs: ${milliseconds("total-blocking-time").join(" ")}), largest contentful paint median ${median(milliseconds("largest-contentful-paint"))} ms, unused JavaScript ${unused}`,
      );
    }
  } finally {
    chrome.kill();
    server.kill("SIGTERM");
    await exitCode(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

process.exit(await main());
