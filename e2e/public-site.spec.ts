import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import * as schema from "../db/schema";
import { createStaff, testDb } from "./support/database";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { bumpPublicVersion, insertStory, parseXml, uniqueWord, uploadImage, waitUntilLive } from "./support/public-site";
import { servers } from "./support/servers";

const PUBLICATION = "The Harbour Ledger";

test("a published story renders with everything readers and machines need", async ({ page, request }) => {
  const staff = await signInAsNewStaff(page, "editor");
  const image = await uploadImage(page);
  const word = uniqueWord();
  const story = await insertStory({
    headline: `Sea wall ${word} finished ahead of winter`,
    authorId: staff.id,
    text: `Crews poured the last ${word} section on Friday.`,
    tags: ["Sea defences"],
    featuredImage: { id: image.id, alt: "Workers on the new sea wall", caption: "The wall at low tide.", credit: "Photo: Harbour Ledger" },
  });
  await waitUntilLive(request, story.path);
  await page.context().clearCookies();

  const response = await page.goto(story.path);
  expect(response?.status()).toBe(200);
  // The address stays the reader's once the framework has started, not the internal render's.
  await page.waitForLoadState("networkidle");
  expect(new URL(page.url()).pathname).toBe(story.path);
  await expect(page).toHaveTitle(`${story.headline} | ${PUBLICATION}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(story.headline);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  // Other stories made by these tests share the default dek and may be among the related ones.
  await expect(page.getByText(story.dek).first()).toBeVisible();
  const byline = page.getByRole("main").getByRole("link", { name: staff.displayName });
  await expect(byline).toHaveAttribute("href", `/authors/${staff.slug}`);
  await expect(page.locator("article time").first()).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expect(page.getByText(/Updated/)).toHaveCount(0);
  const figure = page.locator("figure");
  await expect(figure.getByRole("img", { name: "Workers on the new sea wall" })).toBeVisible();
  await expect(figure).toContainText("The wall at low tide.");
  await expect(figure).toContainText("Photo: Harbour Ledger");
  await expect(page.getByText(`Crews poured the last ${word} section on Friday.`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Sea defences" })).toHaveAttribute("href", "/tags/sea-defences");
  const share = page.getByRole("navigation", { name: "Share this story" });
  await expect(share.getByRole("link", { name: /Email/ })).toHaveAttribute("href", /^mailto:/);
  await expect(page.getByRole("complementary", { name: "Related stories" })).toBeVisible();

  const origin = new URL(page.url()).origin;
  const canonical = `${origin}${story.path}`;
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", canonical);
  await expect(page.locator('head meta[name="description"]')).toHaveAttribute("content", story.dek);
  await expect(page.locator('head meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('head meta[property="article:published_time"]')).toHaveAttribute("content", /^\d{4}-/);
  await expect(page.locator('head meta[property="article:section"]')).toHaveAttribute("content", "News");
  await expect(page.locator('head meta[property="article:tag"]')).toHaveAttribute("content", "Sea defences");
  await expect(page.locator('head meta[property="og:image"]').first()).toHaveAttribute("content", new RegExp(`/media/${image.id}/`));
  await expect(page.locator('head meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");

  const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text));
  const article = jsonLd.flat().find((item) => item["@type"] === "NewsArticle");
  expect(article).toMatchObject({
    headline: story.headline,
    description: story.dek,
    author: [{ "@type": "Person", name: staff.displayName, url: `${origin}/authors/${staff.slug}` }],
    publisher: { "@type": "Organization", name: PUBLICATION, logo: { url: `${origin}/icon.svg` } },
    mainEntityOfPage: { "@id": canonical },
  });
  expect(article.image[0]).toContain(`/media/${image.id}/`);
  expect(new Date(article.datePublished).getTime()).toBeLessThanOrEqual(new Date(article.dateModified).getTime());
  const breadcrumbs = jsonLd.flat().find((item) => item["@type"] === "BreadcrumbList");
  expect(breadcrumbs.itemListElement.map((item: { item: string }) => item.item)).toEqual([`${origin}/`, `${origin}/news`, canonical]);
  expect((await request.get(`/media/${image.id}/original.png`)).status()).toBe(200);
});

test("an update shows its time and its correction; the corrections page lists it", async ({ page, request }) => {
  const staff = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: `Ferry fares ${uniqueWord()} rise`, authorId: staff.id });
  await waitUntilLive(request, story.path);
  // What publishing an update with a correction note leaves behind (db/queries/live-stories.ts).
  const db = testDb(servers.newsroom);
  await db.update(schema.publicStories).set({ updatedAt: new Date() }).where(eq(schema.publicStories.storyId, story.id));
  await db.insert(schema.storyCorrections).values({ storyId: story.id, kind: "correction", note: "An earlier version gave the wrong fare." });
  await bumpPublicVersion();

  await page.goto(story.path);
  await expect(page.getByText(/Updated/)).toBeVisible();
  const corrections = page.getByRole("region", { name: "Corrections and updates" });
  await expect(corrections).toContainText("Correction");
  await expect(corrections).toContainText("An earlier version gave the wrong fare.");
  await expect(corrections.locator("time")).toHaveAttribute("datetime", /^\d{4}-/);

  await page.goto("/corrections");
  const first = page.getByRole("list", { name: "Corrections and updates" }).getByRole("listitem").first();
  await expect(first.getByRole("link", { name: story.headline })).toHaveAttribute("href", story.path);
  await expect(first).toContainText("An earlier version gave the wrong fare.");
});

test("unpublished work is nowhere public until it is published, and then everywhere at once", async ({ page, request }) => {
  const staff = await createStaff(servers.newsroom, "writer");
  const word = uniqueWord();
  const future = new Date(Date.now() + 3_600_000);
  const draft = await insertStory({ headline: `Draft ${word}`, authorId: staff.id, status: "draft", text: word });
  const inReview = await insertStory({ headline: `Review ${word}`, authorId: staff.id, status: "in_review", text: word });
  const scheduled = await insertStory({ headline: `Scheduled ${word}`, authorId: staff.id, publishAt: future, text: word });
  const never = await request.get("/news/no-story-ever-had-this-address");
  expect(never.status()).toBe(404);

  for (const story of [draft, inReview, scheduled]) {
    const response = await request.get(story.path);
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain("Page not found");
  }
  for (const path of ["/", "/news", "/feed.xml", "/news/feed.xml", "/sitemap.xml", "/news-sitemap.xml", `/search?q=${word}`, `/authors/${staff.slug}`]) {
    const body = await (await request.get(path)).text();
    for (const story of [draft, inReview, scheduled]) expect(body, path).not.toContain(story.slug!);
  }

  await testDb(servers.newsroom).update(schema.stories).set({ publishAt: new Date() }).where(eq(schema.stories.id, scheduled.id));
  await expect.poll(async () => (await request.get(scheduled.path)).status(), { timeout: 5_000 }).toBe(200);
  for (const path of ["/", "/news", "/feed.xml", "/news/feed.xml", "/sitemap.xml", "/news-sitemap.xml", `/search?q=${word}`, `/authors/${staff.slug}`]) {
    const body = await (await request.get(path)).text();
    expect(body, path).toContain(scheduled.slug!);
  }
  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("link")).toHaveText([`Scheduled ${word}`]);
  await expect(page.getByRole("status")).toHaveText(`1 story matches “${word}”.`);
});

test("an old address answers 301 to the story's current one; an unpublished story's answers 410", async ({ request }) => {
  const staff = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: `Lifeboat ${uniqueWord()} launched`, authorId: staff.id });
  await waitUntilLive(request, story.path);
  // A slug change keeps the old address in story_paths (db/queries/live-stories.ts); here we add one directly.
  const db = testDb(servers.newsroom);
  await db.insert(schema.storyPaths).values({ sectionSlug: "culture", slug: `old-${story.slug}`, storyId: story.id });
  await bumpPublicVersion();
  const moved = await request.get(`/culture/old-${story.slug}?ref=feed`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers().location).toBe(`${story.path}?ref=feed`);

  // Unpublishing removes the live version and bumps the version (takeStoryDown); done directly here.
  await db.delete(schema.publicStories).where(eq(schema.publicStories.storyId, story.id));
  await bumpPublicVersion();
  for (const path of [story.path, `/culture/old-${story.slug}`]) {
    const gone = await request.get(path, { maxRedirects: 0 });
    expect(gone.status(), path).toBe(410);
    expect(await gone.text()).toContain("This story has been removed");
  }
});

test("feeds and sitemaps parse and list exactly the public stories", async ({ page, request }) => {
  const db = testDb(servers.newsroom);
  const live = async (limit: number, section?: string) => {
    const rows = await db
      .select({ section: schema.sections.slug, slug: schema.publicStories.slug })
      .from(schema.publicStories)
      .innerJoin(schema.sections, eq(schema.publicStories.sectionId, schema.sections.id))
      .where(section ? eq(schema.sections.slug, section) : undefined)
      .orderBy(schema.publicStories.publishedAt)
      .limit(100_000);
    // Addresses are printed percent-encoded (slugs may keep other scripts).
    return rows.map((row) => `/${encodeURIComponent(row.section)}/${encodeURIComponent(row.slug)}`).slice(-limit).sort();
  };
  const paths = (urls: string[]) => urls.map((url) => new URL(url).pathname).sort();
  await page.goto("/");

  // Other tests publish in parallel: compare each document with the database read just after it.
  await expect(async () => {
    const feed = await (await request.get("/feed.xml")).text();
    expect(paths(await parseXml(page, feed, "guid"))).toEqual(await live(50));
    expect(await parseXml(page, feed, "creator")).not.toHaveLength(0);
  }).toPass({ timeout: 10_000 });
  await expect(async () => {
    const feed = await (await request.get("/culture/feed.xml")).text();
    expect(paths(await parseXml(page, feed, "guid"))).toEqual(await live(50, "culture"));
  }).toPass({ timeout: 10_000 });
  await expect(async () => {
    const sitemap = await (await request.get("/sitemap.xml")).text();
    const stories = paths(await parseXml(page, sitemap, "loc")).filter((path) => path.split("/").length === 3);
    expect(stories).toEqual(await live(100_000));
  }).toPass({ timeout: 10_000 });
  const news = await (await request.get("/news-sitemap.xml")).text();
  expect(await parseXml(page, news, "name")).toContain(PUBLICATION);
  expect(await parseXml(page, news, "language")).toContain("en");
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^Sitemap: http:\/\/localhost:\d+\/sitemap\.xml$/m);
  expect(robots).toMatch(/^Sitemap: http:\/\/localhost:\d+\/news-sitemap\.xml$/m);
  const blocked = robotsDisallows(robots);
  expect(["/desk", "/desk/stories/1/edit", "/login", "/setup", "/api/health", "/invite/abc", "/reset/abc", "/preview/abc", "/forgot-password", "/unsubscribe", "/unsubscribe?token=x", "/login?callbackUrl=%2Fdesk"].filter((path) => !blocked(path))).toEqual([]);
  expect(["/", "/desktop-computing", "/desktop-computing/new-laptops", "/logistics/ports", "/setup-guides/x", "/news/login"].filter(blocked)).toEqual([]);
  expect((await request.get("/feed.xml")).headers()["content-type"]).toContain("application/rss+xml");
});

/** Whether a crawler following RFC 9309 (prefix rules, "*" and a closing "$") may not fetch a path. */
function robotsDisallows(robots: string): (path: string) => boolean {
  const rules = [...robots.matchAll(/^Disallow: (\S+)$/gm)].map(([, rule]) => {
    const pattern = rule.replace(/[.+?^{}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
    return new RegExp(`^${pattern}`);
  });
  return (path) => rules.some((rule) => rule.test(path));
}

test("garbage addresses and pages answer 404, never an error", async ({ request }) => {
  const paths = [
    "/news/%00",
    `/news/${"a".repeat(5_000)}`,
    "/news/caf%C3%A9",
    "/%F0%9F%8C%8A",
    "/%F0%9F%8C%8A/%F0%9F%8C%8A",
    "/news/..%2F..%2Fetc%2Fpasswd",
    "/%00/feed.xml",
    "/no-such-section",
    "/no-such-section/feed.xml",
    "/news/page/-1",
    "/news/page/999999",
    "/news/page/abc",
    "/news/page/0",
    "/news/page/1",
    "/authors/nobody-by-this-name",
    "/authors/%00",
    "/tags/no-such-tag",
    "/corrections/page/999999",
    "/authors/nobody-by-this-name/page/2",
    "/search?q=harbour&page=-1",
    "/search?q=harbour&page=999999",
    "/sitemap.xml?part=999",
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  for (const query of ['"', "'; drop table stories; --", "🌊", "a & | ! ( :*", "x".repeat(500), "%00"]) {
    const response = await request.get(`/search?q=${encodeURIComponent(query)}`);
    expect(response.status(), query).toBe(200);
  }
});

test("every public page type has no accessibility violations, in light and dark", async ({ page, request }) => {
  // Sixteen full axe runs.
  test.slow();
  const staff = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: `Harbour ${uniqueWord()} festival returns`, authorId: staff.id, tags: ["Festivals"] });
  await waitUntilLive(request, story.path);
  const pages = ["/", "/news", story.path, `/authors/${staff.slug}`, "/tags/festivals", "/search?q=harbour", "/search", "/corrections"];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of pages) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${path} (${colorScheme}): ${violation.id} ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
    }
  }
});

test("public pages have a skip link and one h1, fit a 320-pixel screen and load no editor code", async ({ page, request }) => {
  const staff = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: `Narrow ${uniqueWord()} screens welcome`, authorId: staff.id });
  await waitUntilLive(request, story.path);
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text());
  });
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", "/news", story.path, "/search?q=harbour", "/corrections"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
  }
  await page.waitForLoadState("networkidle");
  for (const script of await Promise.all(scripts)) expect(script).not.toMatch(/ProseMirror|tiptap/i);

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#content$/);
});

test("the home page shows each story once: the latest on top, then the rest by section", async ({ page }) => {
  await page.goto("/");
  const headlines = await page.getByRole("main").getByRole("heading", { level: 2 }).or(page.getByRole("main").getByRole("heading", { level: 3 })).allTextContents();
  const stories = headlines.filter((text) => !["News", "Culture", "Science", "Opinion"].includes(text));
  expect(stories.length).toBeGreaterThan(0);
  expect(new Set(stories).size).toBe(stories.length);
});
