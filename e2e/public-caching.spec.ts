import type { APIRequestContext, APIResponse } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "../db/schema";
import { createStaff, testDb } from "./support/database";
import { expect, test } from "./support/fixtures";
import { bumpPublicVersion, insertStory, uniqueWord, waitUntilLive } from "./support/public-site";
import { servers } from "./support/servers";

/**
 * Public pages are the same bytes for every reader, so any HTTP cache may keep them: validators,
 * a Cache-Control for shared caches, and cache tags naming what each page shows. Other tests move
 * the public version meanwhile, so each page is asked for until two answers in a row agree.
 */
async function settledPair(request: APIRequestContext, path: string): Promise<[APIResponse, APIResponse]> {
  let pair: [APIResponse, APIResponse] | undefined;
  await expect
    .poll(async () => {
      pair = [await request.get(path, { maxRedirects: 0 }), await request.get(path, { maxRedirects: 0 })];
      return pair[0].headers().etag !== undefined && pair[0].headers().etag === pair[1].headers().etag;
    })
    .toBe(true);
  return pair!;
}

const tagsOf = (response: APIResponse) => (response.headers()["surrogate-key"] ?? "").split(" ");

let world: { story: Awaited<ReturnType<typeof insertStory>>; authorId: string; authorSlug: string; tagId: string; tagSlug: string; sectionId: string };

test.beforeAll(async ({ request }) => {
  const staff = await createStaff(servers.newsroom, "writer");
  const word = uniqueWord();
  const story = await insertStory({ headline: `Ferry timetable ${word} changes`, authorId: staff.id, tags: [`Ferries ${word}`] });
  await waitUntilLive(request, story.path);
  const db = testDb(servers.newsroom);
  const [tag] = await db.select().from(schema.tags).where(eq(schema.tags.name, `Ferries ${word}`));
  world = { story, authorId: staff.id, authorSlug: staff.slug, tagId: tag.id, tagSlug: tag.slug, sectionId: story.sectionId! };
});

test("every public page type answers the same bytes with validators, shared-cache headers and its tags", async ({ request }) => {
  const { story, authorId, authorSlug, tagId, tagSlug, sectionId } = world;
  const pages: [string, string[], string][] = [
    ["/", ["site", "home"], "text/html"],
    ["/news", ["site", `section-${sectionId}`], "text/html"],
    [story.path, ["site", `story-${story.id}`, `section-${sectionId}`, `author-${authorId}`, `tag-${tagId}`], "text/html"],
    [`/authors/${authorSlug}`, ["site", `author-${authorId}`], "text/html"],
    [`/tags/${tagSlug}`, ["site", `tag-${tagId}`], "text/html"],
    ["/corrections", ["site", "corrections"], "text/html"],
    ["/feed.xml", ["site", "feeds"], "application/rss+xml"],
    ["/news/feed.xml", ["site", "feeds", `section-${sectionId}`], "application/rss+xml"],
  ];
  for (const [path, tags, type] of pages) {
    const [first, second] = await settledPair(request, path);
    expect(first.status(), path).toBe(200);
    expect(first.headers()["content-type"], path).toContain(type);
    expect(await second.body(), `${path} is the same bytes every time`).toEqual(await first.body());
    expect(first.headers()["cache-control"], path).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(tagsOf(first), path).toEqual(expect.arrayContaining(tags));
    expect(first.headers()["cache-tag"], path).toBe(tagsOf(first).join(","));
    expect(first.headers()["set-cookie"], path).toBeUndefined();

    const again = await request.get(path, { headers: { "if-none-match": first.headers().etag } });
    if (again.headers().etag === first.headers().etag) expect(again.status(), `${path} unchanged: 304`).toBe(304);
  }
});

/** Transport and Next's own hints: the rest of an answer must not depend on who gave it. */
const TRANSPORT = /^(date|connection|keep-alive|transfer-encoding|content-length|x-nextjs-.*)$/;
const answerHeaders = (response: APIResponse) => Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !TRANSPORT.test(name)));

test("a cached page answered in front of Next is the answer Next gives", async ({ request }) => {
  const { story, authorSlug, tagSlug } = world;
  for (const path of ["/", "/news", story.path, `/authors/${authorSlug}`, `/tags/${tagSlug}`, "/corrections"]) {
    // A query string makes Next answer from the same cache entry itself (lib/page-cache/reader-page.ts).
    let pair: [APIResponse, APIResponse] | undefined;
    await expect
      .poll(async () => {
        pair = [await request.get(path, { maxRedirects: 0 }), await request.get(`${path}?via=next`, { maxRedirects: 0 })];
        return pair[0].headers().etag !== undefined && pair[0].headers().etag === pair[1].headers().etag && pair[0].headers()["x-nextjs-cache"] === undefined;
      }, path)
      .toBe(true);
    const [inFront, fromNext] = pair!;
    expect(fromNext.headers()["x-nextjs-cache"], path).toBe("HIT");
    expect(inFront.status(), path).toBe(fromNext.status());
    expect(answerHeaders(inFront), path).toEqual(answerHeaders(fromNext));
    expect(await inFront.body(), path).toEqual(await fromNext.body());
  }
});

test("a first render is compressed like every other answer", async ({ request }) => {
  await bumpPublicVersion();
  const response = await request.get(world.story.path, { headers: { "accept-encoding": "gzip" } });
  expect(response.headers()["content-encoding"]).toBe("gzip");
});

test("story addresses: 301 for an old one, 404 for none, 410 once unpublished, each cacheable and tagged", async ({ request }) => {
  const staff = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: `Pier ${uniqueWord()} reopens`, authorId: staff.id });
  await waitUntilLive(request, story.path);
  const db = testDb(servers.newsroom);
  await db.insert(schema.storyPaths).values({ sectionSlug: "news", slug: `old-${story.slug}`, storyId: story.id });
  await bumpPublicVersion();

  const moved = await request.get(`/news/old-${story.slug}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers().location).toBe(story.path);
  expect(tagsOf(moved)).toContain(`story-${story.id}`);

  const [missing] = await settledPair(request, `/news/no-such-story-${story.slug}`);
  expect(missing.status()).toBe(404);
  expect(tagsOf(missing)).toContain("unknown-addresses");

  await db.delete(schema.publicStories).where(eq(schema.publicStories.storyId, story.id));
  await bumpPublicVersion();
  const [gone, goneAgain] = await settledPair(request, story.path);
  expect(gone.status()).toBe(410);
  expect(goneAgain.status(), "kept, and still 410").toBe(410);
  expect(await gone.text()).toContain("This story has been removed");
  expect(tagsOf(gone)).toContain(`story-${story.id}`);
  expect(gone.headers()["cache-control"]).toMatch(/^public, /);
});

test("pages for one person are never kept by a shared cache and carry a nonce, not hashes", async ({ request }) => {
  for (const path of ["/login", "/search?q=ferry", "/desk", "/forgot-password"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const cacheControl = response.headers()["cache-control"] ?? "";
    if (response.status() === 200) {
      expect(cacheControl, path).toMatch(/no-store/);
      expect(cacheControl, path).toMatch(/private/);
      expect(response.headers()["content-security-policy"], path).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
    } else {
      expect(cacheControl, path).not.toMatch(/public/);
    }
    expect(response.headers()["surrogate-key"], path).toBeUndefined();
  }
});

test("public pages allow their own scripts by hash, and a script added to a stored page does not run", async ({ page, cspViolations }) => {
  const response = await page.goto(world.story.path);
  const policy = response!.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(policy).not.toContain("nonce");
  // The page works: its scripts ran under the policy (the fixture fails the test on any violation).
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ferry timetable");

  // The same stored page with an inline script someone slipped in: the policy still holds.
  await page.route(world.story.path, async (route) => {
    const stored = await route.fetch();
    const tampered = (await stored.text()).replace("</body>", "<script>window.__tampered = true</script></body>");
    await route.fulfill({ response: stored, body: tampered });
  });
  expect(cspViolations).toEqual([]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ferry timetable");
  expect(await page.evaluate(() => (window as unknown as { __tampered?: boolean }).__tampered)).toBeUndefined();
  await expect.poll(() => cspViolations.some((violation) => /script-src/.test(violation))).toBe(true);
  // Refusing that script is what this test wants; the fixture fails tests on any other.
  cspViolations.length = 0;
});
