/**
 * `npm test`: every unit/integration test (Vitest), then the production build, then every browser
 * test (Playwright in Debian's Chromium). With DATABASE_URL set, all of it runs against that
 * PostgreSQL, in freshly created databases that are dropped afterwards.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
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
  const env: Record<string, string> = {};
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

async function main(): Promise<number> {
  ensureChromium();
  const databases = process.env.DATABASE_URL ? await createTestDatabases(process.env.DATABASE_URL) : undefined;
  const env = { ...process.env, ...databases?.env, CHROMIUM_PATH: chromium };
  try {
    const passed =
      run("npx", ["vitest", "run"], env) && run("npx", ["next", "build"], env) && run("npx", ["playwright", "test"], env);
    return passed ? 0 : 1;
  } finally {
    await databases?.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
