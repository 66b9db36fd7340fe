import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mediaStorage } from "@/lib/media/storage";
import { type S3StandIn, startS3StandIn } from "../support/s3-server";

// Outside a request there is nothing for Next's connection() to wait for.
vi.mock("next/server", () => ({ connection: async () => {} }));
const { GET, HEAD } = await import("@/app/media/[id]/[file]/route");

const ID = "3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a090";
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-media-route-"));
let s3: S3StandIn;
const useEnv = (env: Record<string, string>) => Object.entries(env).forEach(([name, value]) => vi.stubEnv(name, value));

beforeAll(async () => {
  s3 = await startS3StandIn();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await s3.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function ask(method: "GET" | "HEAD", file: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost:3000/media/${ID}/${file}`, { method, headers });
  return (method === "GET" ? GET : HEAD)(request, { params: Promise.resolve({ id: ID, file }) });
}
const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

const drivers = {
  "the local folder": () => ({ DATA_DIR: dataDir, MEDIA_STORAGE: "file" }),
  "an S3 bucket": () => ({ DATA_DIR: dataDir, ...s3.env }),
};

describe.each(Object.entries(drivers))("/media/<id>/<file> from %s", (_driver, env) => {
  beforeAll(async () => {
    useEnv(env());
    await mediaStorage().put(`${ID}/original.png`, BYTES);
  });

  it("answers the whole file with its type, length, ETag, immutable caching and byte ranges", async () => {
    const response = await ask("GET", "original.png");
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": "1000",
      etag: expect.stringMatching(/^"[^"]+"$/),
      "accept-ranges": "bytes",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
    expect(await body(response)).toEqual(BYTES);
  });

  it("answers HEAD with the same headers and no body", async () => {
    const response = await ask("HEAD", "original.png");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("1000");
    expect(response.headers.get("etag")).toBe((await ask("GET", "original.png")).headers.get("etag"));
    expect(await body(response)).toHaveLength(0);
  });

  it.each([
    ["bytes=100-199", 100, 199],
    ["bytes=990-", 990, 999],
    ["bytes=-10", 990, 999],
    ["bytes=900-5000", 900, 999],
  ])("answers Range %s with 206 and that part", async (range, start, end) => {
    const response = await ask("GET", "original.png", { range });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/1000`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect(await body(response)).toEqual(BYTES.subarray(start, end + 1));
  });

  it("answers an unsatisfiable range with 416 and the size", async () => {
    const response = await ask("GET", "original.png", { range: "bytes=1000-" });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */1000");
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    const etag = (await ask("HEAD", "original.png")).headers.get("etag")!;
    const response = await ask("GET", "original.png", { "if-none-match": `"other", ${etag}` });
    expect(response.status).toBe(304);
    expect(await body(response)).toHaveLength(0);
    expect((await ask("GET", "original.png", { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("answers 404 for a file that is not stored", async () => {
    const response = await ask("GET", "w480.webp");
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found.");
    expect((await ask("HEAD", "w480.webp")).status).toBe(404);
  });
});

describe("/media/<id>/<file> while the bucket cannot be reached", () => {
  beforeAll(async () => {
    useEnv({ DATA_DIR: dataDir, ...s3.env });
    await mediaStorage().put(`${ID}/w480.webp`, BYTES);
    await s3.pause();
  });
  afterAll(() => s3.resume());

  it("answers 503 with a sentence and Retry-After within a few seconds, for GET and HEAD", async () => {
    const started = Date.now();
    const response = await ask("GET", "w480.webp");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("10");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("The image store cannot be reached just now; try again in a moment.");
    expect((await ask("HEAD", "w480.webp")).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
