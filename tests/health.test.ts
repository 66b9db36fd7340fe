import type pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";

// Outside a request there is nothing for Next's connection() to wait for.
vi.mock("next/server", () => ({ connection: async () => {} }));

const globalForDb = globalThis as unknown as { mastheadPool?: pg.Pool };
const realUrl = process.env.DATABASE_URL;

afterEach(async () => {
  await globalForDb.mastheadPool?.end();
  globalForDb.mastheadPool = undefined;
  process.env.DATABASE_URL = realUrl;
});

describe("GET /api/health", () => {
  it("reports the database kind after a real round trip", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(200);
    const kind = process.env.TEST_DATABASE_URL ? "postgres" : "embedded";
    expect(await response.json()).toEqual({ status: "ok", database: kind });
  });

  it("answers 503 with a clear body when the database is unreachable", async () => {
    await globalForDb.mastheadPool?.end();
    globalForDb.mastheadPool = undefined;
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/postgres";
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      database: "unreachable",
      message: "The database cannot be reached.",
    });
  });
});
