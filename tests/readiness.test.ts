import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { beginShutdown } from "@/lib/shutdown";

// Outside a request there is nothing for Next's connection() to wait for.
vi.mock("next/server", () => ({ connection: async () => {} }));

const globalForDb = globalThis as unknown as { mastheadPool?: pg.Pool };
const realUrl = process.env.DATABASE_URL!;
const realDataDir = process.env.DATA_DIR;
let dataDir: string;

async function useDatabase(url: string) {
  await globalForDb.mastheadPool?.end();
  globalForDb.mastheadPool = undefined;
  process.env.DATABASE_URL = url;
}

async function ready() {
  const { GET } = await import("@/app/api/ready/route");
  const response = await GET();
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get("retry-after") };
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-ready-"));
  process.env.DATA_DIR = dataDir;
});
afterEach(async () => {
  await useDatabase(realUrl);
  fs.rmSync(path.join(dataDir, "media"), { recursive: true, force: true });
});
afterAll(() => {
  process.env.DATA_DIR = realDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("GET /api/ready", () => {
  it("answers 200 when the database, its migrations and the media store are all there", async () => {
    expect(await ready()).toEqual({ status: 200, body: { status: "ready" }, retryAfter: null });
  });

  it("answers 503 when the database cannot be reached", async () => {
    await useDatabase("postgresql://postgres@127.0.0.1:1/postgres");
    expect(await ready()).toEqual({
      status: 503,
      body: { status: "not ready", problems: ["The database cannot be reached."], message: "The database cannot be reached." },
      retryAfter: "5",
    });
  });

  it("answers within its bound when the database accepts connections but never replies", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      await useDatabase(`postgresql://postgres@127.0.0.1:${(silent.address() as net.AddressInfo).port}/postgres`);
      const started = performance.now();
      const answer = await ready();
      expect(performance.now() - started).toBeLessThan(4_000);
      expect(answer.status).toBe(503);
      expect(answer.body.problems).toEqual(["The database cannot be reached."]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await globalForDb.mastheadPool?.end().catch(() => {});
      globalForDb.mastheadPool = undefined;
      silent.close();
    }
  });

  it("answers 503 while the database's migrations are behind the code's", async () => {
    const client = new pg.Client(realUrl);
    await client.connect();
    const { rows } = await client.query("DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations) RETURNING hash, created_at");
    try {
      const answer = await ready();
      expect(answer.status).toBe(503);
      expect(answer.body.problems).toEqual(["The database is behind this version: its migrations are still being applied."]);
    } finally {
      await client.query("INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)", [rows[0].hash, rows[0].created_at]);
      await client.end();
    }
    expect((await ready()).status).toBe(200);
  });

  it("answers 503 when the media store cannot be written", async () => {
    // A file where the media folder should be: the store can neither be created nor written.
    fs.writeFileSync(path.join(dataDir, "media"), "");
    const answer = await ready();
    expect(answer.status).toBe(503);
    expect(answer.body.problems).toEqual(["The media store cannot be reached."]);
  });

  // Last: the process-wide shutdown state stays set for the rest of this file.
  it("answers 503 once the server is shutting down, whatever else holds", async () => {
    beginShutdown();
    expect(await ready()).toEqual({
      status: 503,
      body: { status: "not ready", problems: ["The server is shutting down."], message: "The server is shutting down." },
      retryAfter: "5",
    });
  });
});
