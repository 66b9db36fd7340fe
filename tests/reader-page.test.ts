import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const database = vi.hoisted(() => ({ version: 1 }));
vi.mock("../db/queries/public-version", () => ({ readPublicVersion: async () => database.version }));
vi.mock("../db/pool", () => ({ createPool: () => ({}) }));

const { default: PageCacheHandler } = await import("@/lib/page-cache/handler");
const { answerFromPageCache } = await import("@/lib/page-cache/reader-page");

const ROUTE = "/route-cache/APP_PAGE/0487e325442c48c2c0dcbf234601f571e8d501d519ba05a15f3f8a9bf7d00844/$";
const pageKind = { kind: "APP_PAGE" };
const html = `<!DOCTYPE html><html><body><h1>Ferry</h1><script>self.__next_f.push([1,"x"])</script>${"<p>tide</p>".repeat(200)}</body></html>`;

/** Next's order of calls for a page it has not kept: a miss, the render, then the store. */
async function render(key: string, { tags = "site,story-1", status = 200 } = {}) {
  const handler = new PageCacheHandler({ revalidatedTags: [], _requestHeaders: {} } as never);
  expect(await handler.get(key, pageKind)).toBeNull();
  const value = { kind: "APP_PAGE", html, rscData: undefined, headers: { "x-next-cache-tags": `_N_T_/layout,${tags},public-version-${database.version}` }, postponed: undefined, status, segmentData: undefined };
  await handler.set(key, value as never, {});
}

/** The server in front of Next, with "Next" answering 299 to whatever the page cache did not. */
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((request, response) => {
    void answerFromPageCache(request, response).then((answered) => {
      if (!answered) response.writeHead(299).end("next");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
beforeEach(() => {
  database.version += 10;
});

describe("answering readers from the page cache", () => {
  it("answers a stored public page with Next's headers and the same bytes, while the public version holds", async () => {
    await render(`${ROUTE}/news/ferry`);
    const response = await fetch(`${base}/news/ferry`, { headers: { "accept-encoding": "identity" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(html);
    expect(response.headers.get("surrogate-key")).toBe("site story-1");
    expect(response.headers.get("content-security-policy")).toContain("'sha256-");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-next-cache-tags")).toBeNull();
    expect(response.headers.get("vary")).toContain("Accept-Encoding");
    database.version += 1;
    expect((await fetch(`${base}/news/ferry`)).status).toBe(299);
  });

  it("answers the front page at / and 304 to a matching validator, gzipped to readers who accept it", async () => {
    await render(`${ROUTE}/index`, { tags: "home,site" });
    // fetch inflates the body itself and leaves the header to say it came gzipped.
    const first = await fetch(`${base}/`, { headers: { "accept-encoding": "gzip" } });
    expect(first.headers.get("content-encoding")).toBe("gzip");
    expect(await first.text()).toBe(html);
    const etag = first.headers.get("etag")!;
    // Not fetch: it adds "Cache-Control: no-cache" to a conditional request, as browsers' reloads do.
    const again = await new Promise<IncomingMessage>((resolve) => get(`${base}/`, { headers: { "if-none-match": `W/${etag}` } }, resolve));
    expect(again.statusCode).toBe(304);
    expect(again.headers["cache-control"]).toMatch(/^public/);
    expect((await fetch(`${base}/index`)).status).toBe(299);
  });

  it("leaves to Next what is not a reader's plain GET of a public page it answered 200", async () => {
    await render(`${ROUTE}/news/gone`, { tags: "removed-story,site,story-2" });
    await render(`${ROUTE}/news/unnamed`, { tags: "" });
    await render(`${ROUTE}/news/missing`, { tags: "unknown-addresses", status: 404 });
    await render(`${ROUTE}/news/ferry`);
    const toNext = [
      fetch(`${base}/news/gone`),
      fetch(`${base}/news/unnamed`),
      fetch(`${base}/news/missing`),
      fetch(`${base}/news/ferry?page=2`),
      fetch(`${base}/news/ferry/`),
      fetch(`${base}/news/ferry`, { headers: { rsc: "1" } }),
      fetch(`${base}/news/ferry`, { method: "POST", headers: { "next-action": "x" }, body: "[]" }),
    ];
    for (const response of await Promise.all(toNext)) expect(response.status).toBe(299);
  });
});
