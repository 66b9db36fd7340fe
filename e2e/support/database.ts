import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../../db/schema";
import { hashPassword } from "../../lib/passwords";
import type { TestServer } from "./servers";

/** The test server's database: the one it was given, or the embedded one it announced in its data directory. */
function databaseUrl(server: TestServer): string {
  return server.databaseUrl || fs.readFileSync(path.join(server.dataDir, "database-url"), "utf8").trim();
}

// One pool per server: a test may write to both the newsroom's and the first-run server's database.
const pools = new Map<string, pg.Pool>();
export function testDb(server: TestServer) {
  const url = databaseUrl(server);
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 2 });
    // A test may stop a server of its own; its idle connections then end, which is no failure.
    pool.on("error", () => {});
    pools.set(url, pool);
  }
  return drizzle(pool, { schema });
}

export const STAFF_PASSWORD = "a-long-test-password";
let passwordHash: Promise<string> | undefined;

/** A staff member of this test's own, so no test depends on another's sign-ins or throttling. */
export async function createStaff(server: TestServer, role: schema.Role = "writer") {
  const tag = crypto.randomBytes(4).toString("hex");
  passwordHash ??= hashPassword(STAFF_PASSWORD);
  const [user] = await testDb(server)
    .insert(schema.users)
    .values({
      email: `staff-${tag}@newsroom.test`,
      displayName: `Casey ${tag}`,
      slug: `casey-${tag}`,
      role,
      passwordHash: await passwordHash,
    })
    .returning();
  return { ...user, password: STAFF_PASSWORD };
}
