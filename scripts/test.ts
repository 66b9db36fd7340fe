/**
 * `npm test`: every unit/integration test (Vitest), then the production build, then every browser
 * test (Playwright in Debian's Chromium). With DATABASE_URL set, all of it runs against that
 * PostgreSQL, in freshly created databases that are dropped afterwards.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n> ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env }).status === 0;
}

function ensureChromium(): void {
  if (fs.existsSync(chromium)) return;
  const canApt = process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get") && !process.env.CHROMIUM_PATH;
  if (canApt && run("apt-get", ["update", "-q"]) && run("apt-get", ["install", "-y", "-q", "chromium"])) return;
  console.error(
    `npm test needs Chromium at ${chromium}: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

type TestDatabases = { env: Record<string, string>; drop: () => Promise<void> };

/** On a real PostgreSQL: one fresh database each for the unit tests and the two browser-test servers. */
async function createTestDatabases(adminUrl: string): Promise<TestDatabases> {
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  const prefix = `masthead_test_${crypto.randomBytes(4).toString("hex")}`;
  const names = { TEST_DATABASE_URL: `${prefix}_unit`, E2E_DATABASE_URL: `${prefix}_e2e`, E2E_SETUP_DATABASE_URL: `${prefix}_setup` };
  // Tests that need databases of their own (two instances, backups across databases) make them here.
  const env: Record<string, string> = { POSTGRES_ADMIN_URL: adminUrl };
  for (const [variable, name] of Object.entries(names)) {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env[variable] = url.toString();
  }
  return {
    env,
    drop: async () => {
      for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** One closing line over both runners, in the form CI reads: "N passed, N failed". */
function printTotals(unitReport: string, browserReport: string): void {
  const unit = readJson<VitestReport>(unitReport);
  const browser = readJson<PlaywrightReport>(browserReport)?.stats;
  const passed = (unit?.numPassedTests ?? 0) + (browser ? browser.expected + browser.flaky : 0);
  const failed = (unit?.numFailedTests ?? 0) + (browser?.unexpected ?? 0);
  const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (browser?.skipped ?? 0);
  console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
}

async function main(): Promise<number> {
  ensureChromium();
  const databases = process.env.DATABASE_URL ? await createTestDatabases(process.env.DATABASE_URL) : undefined;
  // The browser tests' servers keep their data directories and results here.
  const e2eRunDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-e2e-"));
  const env = { ...process.env, ...databases?.env, CHROMIUM_PATH: chromium, E2E_RUN_DIR: e2eRunDir };
  const unitReport = path.join(e2eRunDir, "vitest.json");
  const browserReport = path.join(e2eRunDir, "playwright.json");
  try {
    const passed =
      run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`], env) &&
      run("npm", ["run", "build"], env) &&
      run("npx", ["playwright", "test"], { ...env, E2E_JSON_REPORT: browserReport });
    printTotals(unitReport, browserReport);
    return passed ? 0 : 1;
  } finally {
    await databases?.drop();
    if (!process.env.KEEP_TEST_ARTIFACTS) fs.rmSync(e2eRunDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
