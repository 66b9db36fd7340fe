import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { media } from "@/db/schema";
import { createUser } from "../support/factories";
import * as fixture from "./fixtures";

// The route's only window on who is asking; everything after it is the real code.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));
// Outside a request there is nothing for Next's connection() to wait for.
vi.mock("next/server", () => ({ connection: async () => {} }));

const previousDataDir = process.env.DATA_DIR;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-routes-"));
process.env.DATA_DIR = dataDir;

const { POST } = await import("@/app/api/uploads/route");
const { GET } = await import("@/app/media/[id]/[file]/route");

afterAll(() => {
  process.env.DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// What Next hands a route handler behind scripts/next-server.ts: the URL names localhost:PORT
// whatever the browser used, while the Host header carries the real one.
const SITE = "https://news.example";
const URL_SEEN_BY_NEXT = "http://localhost:3000/api/uploads";

function upload(bytes: Buffer | null, options: { name?: string; origin?: string | null; headers?: Record<string, string> } = {}) {
  const form = new FormData();
  if (bytes) form.set("file", new File([new Uint8Array(bytes)], options.name ?? "photo.jpg", { type: "image/jpeg" }));
  const origin = options.origin === undefined ? SITE : options.origin;
  return new Request(URL_SEEN_BY_NEXT, {
    method: "POST",
    body: form,
    headers: { host: "news.example", ...(origin ? { origin } : {}), ...options.headers },
  });
}

const fetchMedia = (id: string, file: string) => GET(new Request(`http://localhost:3000/media/${id}/${file}`), { params: Promise.resolve({ id, file }) });
const fetchSrc = (src: string) => {
  const [, , id, file] = src.split("/");
  return fetchMedia(id, file);
};
const mediaRows = async () => (await db().select({ n: count() }).from(media))[0].n;

async function expectRefusal(response: Response, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatch(message);
}

beforeEach(async () => {
  const user = await createUser({ role: "writer" });
  session.user = { id: user.id, email: user.email, displayName: user.displayName, role: "writer", sessionVersion: 1 };
});

describe("POST /api/uploads", () => {
  it("stores a good upload (201) whose src is then served with immutable caching", async () => {
    const response = await POST(upload(await fixture.jpegWithGps()));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), src: `/media/${body.id}/w480.webp`, width: 800, height: 1200 });

    const image = await fetchSrc(body.src);
    expect(image.status).toBe(200);
    expect(image.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(image.headers.get("content-type")).toBe("image/webp");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(image.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(await sharp(Buffer.from(await image.arrayBuffer())).metadata()).toMatchObject({ format: "webp", width: 480 });

    const original = await fetchMedia(body.id, "original.jpg");
    expect(original.headers.get("content-type")).toBe("image/jpeg");
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).exif).toBeUndefined();
  });

  it("refuses a signed-out caller with 401", async () => {
    session.user = null;
    await expectRefusal(await POST(upload(await fixture.webp())), 401, /Sign in/);
  });

  it.each([
    ["another site", "https://evil.example"],
    ["a look-alike host", "https://news.example.evil.example"],
    ["a sandboxed frame", "null"],
    ["no Origin at all", null],
  ])("refuses an upload from %s with 403", async (_label, origin) => {
    const before = await mediaRows();
    await expectRefusal(await POST(upload(await fixture.webp(), { origin })), 403, /did not come from this site/);
    expect(await mediaRows()).toBe(before);
  });

  it("accepts the public host a trusted proxy forwards (X-Forwarded-Host)", async () => {
    const request = upload(await fixture.smallGif(), { headers: { host: "localhost:3000", "x-forwarded-host": "news.example" } });
    expect((await POST(request)).status).toBe(201);
  });

  it("refuses a body that is not multipart/form-data with 415", async () => {
    const request = new Request(URL_SEEN_BY_NEXT, {
      method: "POST",
      body: JSON.stringify({ file: "x" }),
      headers: { host: "news.example", origin: SITE, "content-type": "application/json" },
    });
    await expectRefusal(await POST(request), 415, /multipart\/form-data/);
  });

  it("answers a malformed multipart body with 400", async () => {
    const request = new Request(URL_SEEN_BY_NEXT, {
      method: "POST",
      body: "--nope\r\nthis is not what the boundary promised",
      headers: { host: "news.example", origin: SITE, "content-type": "multipart/form-data; boundary=expected" },
    });
    await expectRefusal(await POST(request), 400, /malformed or incomplete/);
  });

  it("asks for a file when the field is missing (400)", async () => {
    await expectRefusal(await POST(upload(null)), 400, /field “file”/);
  });

  it("refuses an image over 20 MB with 413", async () => {
    await expectRefusal(await POST(upload(Buffer.alloc(20 * 1024 * 1024 + 1, 0xff))), 413, /larger than 20 MB/);
  });

  it("refuses an announced body over the upload limit with 413 before reading it", async () => {
    const request = upload(await fixture.webp(), { headers: { "content-length": String(22 * 1024 * 1024) } });
    await expectRefusal(await POST(request), 413, /larger than 20 MB/);
  });

  it("refuses an HTML page named photo.jpg with 422, storing nothing", async () => {
    const before = await mediaRows();
    const entries = fs.existsSync(path.join(dataDir, "media")) ? fs.readdirSync(path.join(dataDir, "media")) : [];
    await expectRefusal(await POST(upload(fixture.HTML, { name: "photo.jpg" })), 422, /not a JPEG, PNG, WebP, GIF or AVIF image/);
    expect(await mediaRows()).toBe(before);
    expect(fs.existsSync(path.join(dataDir, "media")) ? fs.readdirSync(path.join(dataDir, "media")) : []).toEqual(entries);
  });
});

describe("GET /media/[id]/[file]", () => {
  const id = "0b7a4f52-3c1e-4d6a-9f0e-2a5b8c7d9e10";

  it.each([
    ["a parent directory as file", id, ".."],
    ["a traversal in the file", id, "../../auth-secret"],
    ["an encoded traversal", id, "..%2F..%2Fauth-secret"],
    ["a traversal as id", "..", "auth-secret"],
    ["a temporary file", id, ".tmp-0b7a4f52"],
    ["a name the pipeline never writes", id, "original.svg"],
    ["an upper-case id", id.toUpperCase(), "w480.webp"],
    ["a file that is not there", id, "w480.webp"],
  ])("answers 404 for %s", async (_label, badId, file) => {
    fs.mkdirSync(path.join(dataDir, "media", id), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "auth-secret"), "secret");
    fs.writeFileSync(path.join(dataDir, "media", id, ".tmp-0b7a4f52"), "partial");
    fs.writeFileSync(path.join(dataDir, "media", id, "original.svg"), "<svg/>");
    const response = await fetchMedia(badId, file);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/secret|partial|svg/);
  });
});
