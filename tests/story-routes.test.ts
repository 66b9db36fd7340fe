import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryAddress } from "@/db/queries/public-stories";
import { isRoutedStoryRequest, openStoryRouting, STORY_ROUTING_HEADER } from "@/lib/public/story-routing";
import { routeStoryRequest } from "../scripts/story-routes";

const addresses = new Map<string, StoryAddress>([
  ["news/bridge", { kind: "live", storyId: "11111111-1111-4111-8111-111111111111" }],
  ["news/old-bridge", { kind: "moved", sectionSlug: "city", slug: "bridge" }],
  ["news/removed", { kind: "gone" }],
]);
const lookups: { address: string; arrivedAt: number }[] = [];

describe("story addresses, routed by the server before Next", () => {
  // Stands in for Next: says what it was asked to render and answers 200 (or 500 when told to fail).
  const server = createServer(async (req, res) => {
    const arrivedAt = Number(req.headers["x-test-arrived"]);
    if (await routeStoryRequest(req, res, arrivedAt)) return;
    const headers = new Headers(Object.entries(req.headers).map(([name, value]): [string, string] => [name, String(value)]));
    res.writeHead(req.url?.includes("fail") ? 500 : 200, { "content-type": "application/json" });
    res.end(JSON.stringify({ url: req.url, routed: isRoutedStoryRequest(headers), marked: req.headers[STORY_ROUTING_HEADER] !== undefined }));
  });
  let base = "";
  beforeAll(async () => {
    openStoryRouting(async (sectionSlug, slug, arrivedAt) => {
      lookups.push({ address: `${sectionSlug}/${slug}`, arrivedAt });
      return addresses.get(`${sectionSlug}/${slug}`) ?? { kind: "missing" };
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { redirect: "manual", ...init, headers: { "x-test-arrived": "1234.5", ...init.headers } });

  it("renders a live story's page, marked as ours, as of the request's arrival", async () => {
    const response = await get("/news/bridge");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: "/_story/11111111-1111-4111-8111-111111111111", routed: true, marked: true });
    expect(lookups.at(-1)).toEqual({ address: "news/bridge", arrivedAt: 1234.5 });
  });

  it("keeps the query string, which the framework's own requests carry", async () => {
    const response = await get("/news/bridge?_rsc=abc");
    expect((await response.json()).url).toBe("/_story/11111111-1111-4111-8111-111111111111?_rsc=abc");
  });

  it("answers an old address 301 to the current one, query kept, without rendering", async () => {
    const response = await get("/news/old-bridge?utm_source=feed");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/city/bridge?utm_source=feed");
    expect(await response.text()).toBe("");
  });

  it("renders an unpublished story's page with 410, but leaves an error an error", async () => {
    const gone = await get("/news/removed");
    expect(gone.status).toBe(410);
    expect((await gone.json()).url).toBe("/_story/gone");
    expect((await get("/news/removed?fail")).status).toBe(500);
  });

  it("sends an address nobody was given to the story page's 404", async () => {
    expect((await (await get("/news/never-written")).json()).url).toBe("/_story/missing");
  });

  it("matches decoded segments, as the router does", async () => {
    expect((await (await get("/news/%62ridge")).json()).url).toBe("/_story/11111111-1111-4111-8111-111111111111");
  });

  it.each(["/news", "/authors/ada", "/tags/harbour", "/desk/stories", "/news/feed.xml", "/News/Bridge", "/news/bridge/more", "/news/%E0%A4%A"])(
    "leaves %s to Next, unmarked",
    async (path) => {
      const before = lookups.length;
      const response = await get(path);
      expect(await response.json()).toEqual({ url: path, routed: false, marked: false });
      expect(lookups.length).toBe(before);
    },
  );

  it("leaves other methods alone", async () => {
    const response = await get("/news/bridge", { method: "POST", body: "x" });
    expect(await response.json()).toEqual({ url: "/news/bridge", routed: false, marked: false });
  });

  it("drops a routing mark a client sends itself", async () => {
    const response = await get("/desk/stories", { headers: { [STORY_ROUTING_HEADER]: "guessed-token" } });
    expect(await response.json()).toEqual({ url: "/desk/stories", routed: false, marked: false });
  });
});
