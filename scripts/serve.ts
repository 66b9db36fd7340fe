/**
 * Starts Masthead: the database (DATABASE_URL, or the embedded one on DATA_DIR), migrations,
 * optionally the demo newsroom, then the web server as a child process.
 *   tsx scripts/serve.ts            production (`npm start`), never seeds demo accounts
 *   tsx scripts/serve.ts --demo     production plus the demo newsroom (`npm run demo`)
 *   tsx scripts/serve.ts --dev      development server with the demo newsroom (`npm run dev`)
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { prepareDataDir, resolveDataDir } from "../db/embedded/data-dir";
import { runMigrations } from "../db/migrate";
import { createPool } from "../db/pool";
import * as schema from "../db/schema";
import { ensurePublication, seedDemo } from "../db/seed";
import { DEMO_STAFF } from "../db/seed/demo-content";
import { checkMediaConfig } from "../lib/media/storage-config";
import { loadAuthSecret } from "./auth-secret";
import { compiledServer, compileServer } from "./compile-server";
import { openDatabase, type RunningDatabase } from "./database";
import { exitWithError } from "./fatal";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const demo = dev || process.argv.includes("--demo");
const port = Number(process.env.PORT || 3000);
const demoPassword = process.env.DEMO_PASSWORD || "newsroom-demo";

let database: RunningDatabase | undefined;
let web: ChildProcess | undefined;
let stopping: Promise<never> | undefined;

/** Longer than the web server's own bound (10 s of requests finishing, then 2 s + 2 s of closing). */
const WEB_STOP_MS = 20_000;

/**
 * Stops the web server, then the database; every caller waits for the same shutdown. The database
 * stops only once the web server has exited, so every save it let finish is committed first.
 */
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    if (web && web.exitCode === null && web.signalCode === null) {
      const exited = new Promise((resolve) => web!.once("exit", resolve));
      web.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, WEB_STOP_MS))]);
      web.kill("SIGKILL");
    }
    await database?.stop();
    process.exit(code);
  })();
  return stopping;
}

async function main() {
  checkMediaConfig();
  if (!dev && !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build found: run `npm run build` first (or `npm run demo`, which builds).");
  }
  const dataDir = resolveDataDir();
  prepareDataDir(dataDir);
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  database = await openDatabase(dataDir);
  const pool = createPool(database.url, 2);
  try {
    await runMigrations(pool);
    const db = drizzle(pool, { schema });
    await ensurePublication(db);
    if (demo) await seedDemo(db, demoPassword);
  } finally {
    await pool.end();
  }

  await compileServer();
  web = fork(compiledServer, [], {
    cwd: root,
    // A page render allocates a few megabytes; a larger young generation collects them less often.
    // Baseline machine code from a function's first call, not after it has run a while in the
    // interpreter: a freshly started server renders its first few hundred pages faster
    // (`npm run bench:public`, first renders), and a warm one is unchanged.
    execArgv: ["--max-semi-space-size=32", "--always-sparkplug"],
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: loadAuthSecret(dataDir),
      PORT: String(port),
      NODE_ENV: dev ? "development" : "production",
      // The machines Masthead runs on often have no way out; nothing should try to phone home.
      NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
      MASTHEAD_DEV: dev ? "1" : "0",
    },
  });
  web.on("exit", (code) => void stop(code ?? 1));
  web.on("message", (message) => {
    if ((message as { ready?: boolean }).ready) announce(database!.embedded ? dataDir : undefined);
  });
}

function announce(embeddedDataDir: string | undefined) {
  const lines = [
    `Masthead is ready at http://localhost:${port}`,
    embeddedDataDir ? `Database: embedded, in ${embeddedDataDir}` : "Database: PostgreSQL at DATABASE_URL",
  ];
  if (demo) {
    lines.push(`Demo sign-ins (password: ${demoPassword}):`);
    for (const person of DEMO_STAFF) lines.push(`  ${person.role.padEnd(7)} ${person.email}`);
  }
  console.log(`\n${lines.join("\n")}\n`);
}

main().catch(async (error) => {
  await database?.stop().catch(() => {});
  exitWithError(error);
});
