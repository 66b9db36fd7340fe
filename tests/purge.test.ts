import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { purgeCacheTags, purgeCredential } from "@/lib/public/purge";

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

  it("retries a refused purge, and stops once one is taken", async () => {
    vi.stubEnv("CACHE_PURGE_URL", url);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    status = 503;
    await purgeCacheTags(["site"]);
    expect(received).toHaveLength(1);
    status = 200;
    await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 3_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(2);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("answered 503"));
    logged.mockRestore();
  });

  it("reads the credential as one header line", () => {
    expect(purgeCredential("Authorization: Bearer abc:def")).toEqual({ authorization: "Bearer abc:def" });
    expect(purgeCredential("no colon here")).toEqual({});
    expect(purgeCredential(undefined)).toEqual({});
  });
});
