import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { S3MediaStorage } from "@/lib/media/s3-storage";
import { InvalidMediaKey, MediaStorageUnavailable, mediaStorage } from "@/lib/media/storage";
import { MediaStorageConfigError, type S3Config, mediaStorageConfig } from "@/lib/media/storage-config";
import { type S3StandIn, startS3StandIn } from "../support/s3-server";

let s3: S3StandIn;
let storage: S3MediaStorage;
const s3Config = (env: Record<string, string>) => mediaStorageConfig(env) as S3Config;
const bytes = (text: string) => Buffer.from(text);
const text = async (stream: ReadableStream<Uint8Array> | null) => (stream ? Buffer.from(await new Response(stream).arrayBuffer()).toString() : null);

/** A port nothing listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  s3 = await startS3StandIn();
  storage = new S3MediaStorage(s3Config(s3.env));
});
afterAll(() => s3.stop());

describe("S3MediaStorage against an S3 protocol server", () => {
  it("stores with a Content-Type, reads back, stats and replaces", async () => {
    await storage.put("one/original.jpg", bytes("first"));
    await storage.put("one/original.jpg", bytes("second version"));
    expect((await storage.get("one/original.jpg"))?.toString()).toBe("second version");
    expect(await storage.stat("one/original.jpg")).toEqual({ size: 14, etag: expect.stringMatching(/^"[^"]+"$/), modified: expect.any(Date) });
    const response = await fetch(`${s3.endpoint}/${s3.bucket}/one/original.jpg`, { method: "HEAD" });
    expect(response.headers.get("content-type")).toBe("image/jpeg");
  });

  it("streams the whole object or a range", async () => {
    await storage.put("two/w480.webp", bytes("0123456789"));
    expect(await text(await storage.stream("two/w480.webp"))).toBe("0123456789");
    expect(await text(await storage.stream("two/w480.webp", { start: 2, end: 5 }))).toBe("2345");
  });

  it("answers null for an object that is not there", async () => {
    expect(await storage.get("nobody/original.jpg")).toBeNull();
    expect(await storage.stat("nobody/original.jpg")).toBeNull();
    expect(await storage.stream("nobody/original.jpg")).toBeNull();
  });

  it("lists every key and deletes one whole folder, not others sharing its first letters", async () => {
    await storage.put("abc/original.png", bytes("x"));
    await storage.put("abc/w480.webp", bytes("x"));
    await storage.put("abcd/original.png", bytes("y"));
    await storage.delete("abc");
    const keys = [];
    for await (const key of storage.list()) keys.push(key);
    expect(keys.sort()).toEqual(["abcd/original.png", "one/original.jpg", "two/w480.webp"]);
    await expect(storage.delete("..")).rejects.toBeInstanceOf(InvalidMediaKey);
    await expect(storage.put("../x.jpg", bytes("x"))).rejects.toBeInstanceOf(InvalidMediaKey);
  });

  it("checks the bucket, and refuses one that does not exist", async () => {
    await expect(storage.check()).resolves.toBeUndefined();
    const missing = new S3MediaStorage({ ...storage.config, bucket: "no-such-bucket" });
    await expect(missing.check()).rejects.toBeInstanceOf(MediaStorageUnavailable);
  });

  it("fails every call within a few seconds, as MediaStorageUnavailable, when the store cannot be reached", async () => {
    const unreachable = new S3MediaStorage({ ...storage.config, endpoint: `http://127.0.0.1:${await closedPort()}` });
    const started = Date.now();
    for (const call of [() => unreachable.put("x/original.jpg", bytes("x")), () => unreachable.stat("x/original.jpg"), () => unreachable.check()]) {
      await expect(call()).rejects.toBeInstanceOf(MediaStorageUnavailable);
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("gives up within a few seconds on a store that accepts connections and never answers", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const stalled = new S3MediaStorage({ ...storage.config, endpoint: `http://127.0.0.1:${port}` });
    const started = Date.now();
    try {
      await expect(stalled.stat("x/original.jpg")).rejects.toBeInstanceOf(MediaStorageUnavailable);
      await expect(stalled.check()).rejects.toBeInstanceOf(MediaStorageUnavailable);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      silent.close();
      for (const socket of sockets) socket.destroy();
    }
  });
});

describe("choosing the driver", () => {
  it("is one store per process for one configuration, the bucket when MEDIA_STORAGE=s3", () => {
    for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
    try {
      expect(mediaStorage()).toBeInstanceOf(S3MediaStorage);
      expect(mediaStorage()).toBe(mediaStorage());
    } finally {
      vi.unstubAllEnvs();
    }
    expect(mediaStorage()).not.toBeInstanceOf(S3MediaStorage);
  });

  it.each(["S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"])("names %s when it is missing", (name) => {
    const env = { ...s3.env, [name]: "" };
    expect(() => mediaStorageConfig(env)).toThrow(MediaStorageConfigError);
    expect(() => mediaStorageConfig(env)).toThrow(new RegExp(`^MEDIA_STORAGE=s3 needs ${name} \\(`));
  });

  it("refuses an unknown driver", () => {
    expect(() => mediaStorageConfig({ MEDIA_STORAGE: "ftp" })).toThrow('MEDIA_STORAGE must be "file" (the default) or "s3", not "ftp".');
  });
});
