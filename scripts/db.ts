/**
 * Database chores on DATABASE_URL, or on the embedded database in DATA_DIR.
 *   tsx scripts/db.ts migrate      apply pending migrations
 *   tsx scripts/db.ts seed-demo    add the demo newsroom (idempotent)
 *   tsx scripts/db.ts server       run the embedded database alone, for psql or drizzle-kit studio
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { prepareDataDir, resolveDataDir } from "../db/embedded/data-dir";
import { runMigrations } from "../db/migrate";
import { createPool } from "../db/pool";
import * as schema from "../db/schema";
import { ensurePublication, seedDemo } from "../db/seed";
import { openDatabase } from "./database";
import { exitWithError } from "./fatal";

const command = process.argv[2];
const COMMANDS = ["migrate", "seed-demo", "server"];

async function main() {
  if (!COMMANDS.includes(command)) {
    console.error(`usage: tsx scripts/db.ts ${COMMANDS.join("|")}`);
    process.exit(2);
  }
  const dataDir = resolveDataDir();
  prepareDataDir(dataDir);
  const database = await openDatabase(dataDir);
  const pool = createPool(database.url, 2);
  try {
    await runMigrations(pool);
    const db = drizzle(pool, { schema });
    await ensurePublication(db);
    if (command === "seed-demo") await seedDemo(db, process.env.DEMO_PASSWORD || "newsroom-demo");
  } finally {
    await pool.end();
  }
  if (command !== "server") {
    await database.stop();
    console.log(command === "migrate" ? "Migrations applied." : "Demo newsroom seeded.");
    return;
  }
  console.log(`DATABASE_URL=${database.url}`);
  const stop = () => void database.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch(exitWithError);
