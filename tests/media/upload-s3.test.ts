import { count } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { media } from "@/db/schema";
import { S3MediaStorage } from "@/lib/media/s3-storage";
import { MediaStorageUnavailable } from "@/lib/media/storage";
import { type S3Config, mediaStorageConfig } from "@/lib/media/storage-config";
import { createUser } from "../support/factories";
import { type S3StandIn, startS3StandIn } from "../support/s3-server";
import * as fixture from "./fixtures";

// The route's only window on who is asking; everything after it is the real code.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/server", () => ({ connection: async () => {} }));

const { POST } = await import("@/app/api/uploads/route");
const { GET } = await import("@/app/media/[id]/[file]/route");
const { storeUpload } = await import("@/lib/media/upload");

let s3: S3StandIn;
beforeAll(async () => {
  s3 = await startS3StandIn();
  for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await s3.stop();
});
beforeEach(async () => {
  const user = await createUser({ role: "writer" });
  session.user = { id: user.id, email: user.email, displayName: user.displayName, role: "writer", sessionVersion: 1 };
});

function upload(bytes: Buffer) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "quay.webp", { type: "image/webp" }));
  return new Request("http://localhost:3000/api/uploads", { method: "POST", body: form, headers: { host: "news.example", origin: "https://news.example" } });
}
const mediaRows = async () => (await db().select({ n: count() }).from(media))[0].n;

describe("uploads with MEDIA_STORAGE=s3", () => {
  it("stores every file in the bucket with its Content-Type, then the row; the media route serves the bucket's bytes", async () => {
    const response = await POST(upload(await fixture.webp()));
    expect(response.status).toBe(201);
    const { id, src } = await response.json();
    expect(src).toBe(`/media/${id}/w960.webp`);
    expect((await s3.keys()).filter((key) => key.startsWith(`${id}/`))).toEqual([`${id}/original.webp`, `${id}/w480.webp`, `${id}/w960.webp`]);
    const head = await fetch(`${s3.endpoint}/${s3.bucket}/${id}/w960.webp`, { method: "HEAD" });
    expect(head.headers.get("content-type")).toBe("image/webp");

    const served = await GET(new Request(`http://localhost:3000${src}`), { params: Promise.resolve({ id, file: "w960.webp" }) });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(await s3.read(`${id}/w960.webp`));
  });

  it("removes what it wrote from the bucket when the store fails halfway", async () => {
    const before = { keys: await s3.keys(), rows: await mediaRows() };
    const storage = fixture.failingSecondPut(new S3MediaStorage(mediaStorageConfig(s3.env) as S3Config), new MediaStorageUnavailable("connection reset"));
    await expect(storeUpload(await fixture.webp(), "x.webp", null, storage)).rejects.toThrow("connection reset");
    expect({ keys: await s3.keys(), rows: await mediaRows() }).toEqual(before);
  });

  it("refuses an upload with 503 and a sentence while the bucket cannot be reached, leaving no row and no object", async () => {
    const before = { keys: await s3.keys(), rows: await mediaRows() };
    const image = await fixture.webp();
    await s3.pause();
    try {
      const started = Date.now();
      const response = await POST(upload(image));
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("10");
      expect(await response.json()).toEqual({ error: "The image store cannot be reached just now; try again in a moment." });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await s3.resume();
    }
    expect({ keys: await s3.keys(), rows: await mediaRows() }).toEqual(before);
  });
});
