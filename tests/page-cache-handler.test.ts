import { beforeEach, describe, expect, it, vi } from "vitest";

const database = vi.hoisted(() => ({ version: 1 }));
vi.mock("../db/queries/public-version", () => ({ readPublicVersion: async () => database.version }));
vi.mock("../db/pool", () => ({ createPool: () => ({}) }));

const { default: PageCacheHandler } = await import("@/lib/page-cache/handler");

const context = { revalidatedTags: [], _requestHeaders: {} };
const pageKind = { kind: "APP_PAGE" };
const page = (html: string) => ({
  kind: "APP_PAGE" as const,
  html,
  rscData: undefined,
  headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/news/ferry,site,story-1,section-2" },
  postponed: undefined,
  status: 200,
  segmentData: undefined,
});

/** The handler's order of calls for a page Next has not kept: a miss, the render, then the store. */
async function render(handler: InstanceType<typeof PageCacheHandler>, key: string, html: string) {
  expect(await handler.get(key, pageKind)).toBeNull();
  const value = page(html);
  await handler.set(key, value as never, { cacheControl: { revalidate: false, expire: undefined } });
  return value;
}

describe("the page cache handler", () => {
  let handler: InstanceType<typeof PageCacheHandler>;
  beforeEach(() => {
    database.version += 10;
    handler = new PageCacheHandler(context as never);
  });

  it("gives a stored page while the public version holds, and never once it has moved on", async () => {
    await render(handler, "/news/ferry", "<p>v1</p>");
    const kept = await new PageCacheHandler(context as never).get("/news/ferry", pageKind);
    expect((kept?.value as { html: string }).html).toBe("<p>v1</p>");
    database.version += 1;
    expect(await handler.get("/news/ferry", pageKind)).toBeNull();
  });

  it("stores a page with its policy, Cache-Control and cache tags, also on the answer Next is about to send", async () => {
    const value = await render(handler, "/news/ferry", '<html><script>self.__next_f.push([1,"x"])</script></html>');
    const headers = value.headers as Record<string, string>;
    expect(headers["content-security-policy"]).toContain("script-src 'self' 'sha256-G8L1SiKTJMbDlG4FGFKHgqgbC5cAhf7b3dVem2cCN2c='");
    expect(headers["surrogate-key"]).toBe("section-2 site story-1");
    expect(headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+/);
    const kept = await handler.get("/news/ferry", pageKind);
    expect((kept?.value as { headers: Record<string, string> }).headers["surrogate-key"]).toBe("section-2 site story-1");
  });

  it("keeps a render only as new as the version read before it began", async () => {
    expect(await handler.get("/news/tide", pageKind)).toBeNull();
    // A publish lands while the page renders: the page may show the old state, so it must not count as current.
    database.version += 1;
    await handler.set("/news/tide", page("<p>maybe old</p>") as never, {});
    expect(await handler.get("/news/tide", pageKind)).toBeNull();
  });

  it("keeps no data fetched through Next, and nothing it did not see missed", async () => {
    expect(await handler.get("fetch-key", { kind: "FETCH" })).toBeNull();
    await handler.set("/never-asked", page("<p>x</p>") as never, {});
    expect(await handler.get("/never-asked", pageKind)).toBeNull();
  });
});
