import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { cachePurges } from "@/db/schema";
import { deliverDuePurges, purgeCacheTags, purgeCredential, purgeRetryDelayMs } from "@/lib/public/purge";

type Received = { method?: string; url?: string; surrogateKey?: string; key?: string; body: string };

describe("the purge hook", () => {
  const received: Received[] = [];
  let status = 200;
  let url = "";
  const server = createServer(async (request: IncomingMessage, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    received.push({ method: request.method, url: request.url, surrogateKey: request.headers["surrogate-key"] as string, key: request.headers["fastly-key"] as string, body });
    response.writeHead(status).end();
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.masthead-purge`;
  });
  afterEach(() => {
    received.length = 0;
    status = 200;
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });
  afterAll(() => server.close());

  it("posts the tags once each, in a Surrogate-Key header and as JSON, with the configured credential", async () => {
    vi.stubEnv("CACHE_PURGE_URL", url);
    vi.stubEnv("CACHE_PURGE_HEADER", "Fastly-Key: secret-key");
    await purgeCacheTags(["story-1", "home", "story-1"]);
    expect(received).toEqual([{ method: "POST", url: "/.masthead-purge", surrogateKey: "home story-1", key: "secret-key", body: '{"tags":["home","story-1"]}' }]);
  });

  it("sends nothing without CACHE_PURGE_URL or without tags", async () => {
    await purgeCacheTags(["home"]);
    vi.stubEnv("CACHE_PURGE_URL", url);
    await purgeCacheTags([]);
    expect(received).toEqual([]);
  });

  it("keeps a refused purge and retries it from any instance until one is taken", async () => {
    await db().delete(cachePurges);
    vi.stubEnv("CACHE_PURGE_URL", url);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    status = 503;
    const failedAt = Date.now();
    await purgeCacheTags(["site"]);
    expect(received).toHaveLength(1);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("answered 503"));
    // Not due yet; then due, and refused again: it waits longer before the next try.
    expect(await deliverDuePurges(new Date(failedAt + 1_000))).toEqual({ purged: 0, retrying: 0, expired: 0 });
    expect(await deliverDuePurges(new Date(failedAt + 6_000))).toEqual({ purged: 0, retrying: 1, expired: 0 });
    expect(await deliverDuePurges(new Date(failedAt + 20_000))).toEqual({ purged: 0, retrying: 0, expired: 0 });
    status = 200;
    expect(await deliverDuePurges(new Date(failedAt + 40_000))).toEqual({ purged: 1, retrying: 0, expired: 0 });
    expect(received.map((request) => request.surrogateKey)).toEqual(["site", "site", "site"]);
    expect(await db().select().from(cachePurges)).toEqual([]);
    logged.mockRestore();
  });

  it("drops a kept purge once the shared copies it would purge have expired, without sending it", async () => {
    await db().delete(cachePurges);
    vi.stubEnv("CACHE_PURGE_URL", url);
    vi.stubEnv("PUBLIC_CACHE_SECONDS", "60");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    status = 503;
    await purgeCacheTags(["home"]);
    status = 200;
    expect(await deliverDuePurges(new Date(Date.now() + 61_000))).toEqual({ purged: 0, retrying: 0, expired: 1 });
    expect(received).toHaveLength(1);
    logged.mockRestore();
  });

  it("waits 5 s, 30 s, 2 and 10 minutes, then an hour between tries", () => {
    expect([1, 2, 3, 4, 5, 9].map(purgeRetryDelayMs)).toEqual([5_000, 30_000, 120_000, 600_000, 3_600_000, 3_600_000]);
  });

  it("reads the credential as one header line", () => {
    expect(purgeCredential("Authorization: Bearer abc:def")).toEqual({ authorization: "Bearer abc:def" });
    expect(purgeCredential("no colon here")).toEqual({});
    expect(purgeCredential(undefined)).toEqual({});
  });
});
