import { beforeEach, describe, expect, it, vi } from "vitest";

const database = vi.hoisted(() => ({ version: 1 }));
vi.mock("../db/queries/public-version", () => ({ readPublicVersion: async () => database.version }));
vi.mock("../db/pool", () => ({ createPool: () => ({}) }));

const { default: PageCacheHandler } = await import("@/lib/page-cache/handler");

const context = { revalidatedTags: [], _requestHeaders: {} };
const pageKind = { kind: "APP_PAGE" };
/** A page as Next hands it over, naming the public version it read (lib/public/state.ts), if any. */
const page = (html: string, version: number | null = database.version) => ({
  kind: "APP_PAGE" as const,
  html,
  rscData: undefined,
  headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_/news/ferry,site,story-1,section-2${version === null ? "" : `,public-version-${version}`}` },
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

  it("keeps a render only as new as the version it read", async () => {
    expect(await handler.get("/news/tide", pageKind)).toBeNull();
    const readAt = database.version;
    // A publish lands while the page renders: the page shows the old state, so it must not count as current.
    database.version += 1;
    await handler.set("/news/tide", page("<p>old</p>", readAt) as never, {});
    expect(await handler.get("/news/tide", pageKind)).toBeNull();
  });

  it("keeps a page that read nothing public (Next's 404) at any version, and the version out of the tags a CDN sees", async () => {
    const value = page("<p>Page not found</p>", null);
    await handler.set("/_not-found", value as never, {});
    database.version += 1;
    expect(await handler.get("/_not-found", pageKind)).not.toBeNull();
    const versioned = await render(handler, "/news/ferry", "<p>x</p>");
    expect((versioned.headers as Record<string, string>)["surrogate-key"]).toBe("section-2 site story-1");
  });

  it("keeps no data fetched through Next", async () => {
    expect(await handler.get("fetch-key", { kind: "FETCH" })).toBeNull();
  });
});
