import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it, vi } from "vitest";
import { feedStory as story } from "./support/feed-story";
import { formatDate, formatDateTime, formatNumber } from "@/lib/public/format";
import { isPlausibleSlug, pageNumber, paging } from "@/lib/public/params";
import { rssFeed } from "@/lib/public/rss";
import { normalizeSearchQuery } from "@/lib/public/search-query";
import { newsSitemap, sitemapIndex, sitemapPartCount, sitemapPartStories, urlSet } from "@/lib/public/sitemaps";
import { versionedCache } from "@/lib/public/versioned-cache";
import { isReservedSectionSlug, RESERVED_SECTION_SLUGS } from "@/lib/reserved-paths";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["item", "url", "sitemap", "dc:creator", "category"].includes(name) });
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

describe("versionedCache", () => {
  it("loads once per version and arguments, and again after the version moves on", async () => {
    const load = vi.fn(async (id: string) => ({ id, at: Math.random() }));
    const cached = versionedCache(load);
    const first = await cached(101, "a");
    expect(await cached(101, "a")).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
    await cached(101, "b");
    expect(load).toHaveBeenCalledTimes(2);
    expect(await cached(102, "a")).not.toBe(first);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const load = vi.fn(async (id: string) => id);
    const cached = versionedCache(load, { maxEntries: 2 });
    await cached(301, "a");
    await cached(301, "b");
    await cached(301, "a");
    await cached(301, "c");
    expect(load).toHaveBeenCalledTimes(3);
    await cached(301, "a");
    expect(load).toHaveBeenCalledTimes(3);
    await cached(301, "b");
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("never keeps a failure", async () => {
    let calls = 0;
    const cached = versionedCache(async () => {
      calls += 1;
      if (calls === 1) throw new Error("database went away");
      return "fine";
    });
    await expect(cached(201)).rejects.toThrow("database went away");
    expect(await cached(201)).toBe("fine");
  });
});

describe("request parameters", () => {
  it.each([
    [undefined, 1],
    ["2", 2],
    ["-1", null],
    ["0", null],
    ["1.5", null],
    ["2abc", null],
    ["9999999", null],
    [["1", "2"], null],
  ])("page %j is %j", (value, expected) => {
    expect(pageNumber(value)).toBe(expected);
  });

  it("refuses pages past the last one, except page 1 of an empty list", () => {
    expect(paging(1, 20, 0)).toEqual({ page: 1, pageCount: 1, offset: 0 });
    expect(paging(3, 20, 41)).toEqual({ page: 3, pageCount: 3, offset: 40 });
    expect(paging(999999, 20, 41)).toBeNull();
  });

  it.each(["harbour-news", "a1"])("%s is a plausible slug", (slug) => expect(isPlausibleSlug(slug)).toBe(true));
  it.each(["\u0000", "../etc", "café", "a".repeat(201), "Upper", "-lead", ""])("%j is not", (slug) => expect(isPlausibleSlug(slug)).toBe(false));

  it("caps search text at 200 characters without splitting an emoji and drops control characters", () => {
    expect(normalizeSearchQuery(`  sea\u0000wall\n `)).toBe("sea wall");
    const capped = normalizeSearchQuery("🌊".repeat(300));
    expect(Array.from(capped)).toHaveLength(200);
    expect(capped).toBe("🌊".repeat(200));
    expect(normalizeSearchQuery(["first", "second"])).toBe("first");
    expect(normalizeSearchQuery(undefined)).toBe("");
  });
});

describe("reserved section slugs", () => {
  it.each(["desk", "login", "setup", "invite", "api", "authors", "tags", "search", "corrections", "feed.xml", "sitemap.xml", "news-sitemap.xml", "robots.txt", "media", "_next", "Desk"])(
    "%s is reserved",
    (slug) => expect(isReservedSectionSlug(slug)).toBe(true),
  );
  it("leaves ordinary section names free", () => {
    expect(isReservedSectionSlug("news")).toBe(false);
    expect(RESERVED_SECTION_SLUGS.length).toBeGreaterThan(10);
  });
});


describe("RSS", () => {
  it("parses, and carries content:encoded, one dc:creator per byline, categories and an enclosure", () => {
    const channel = { title: "The Ledger", description: "News", language: "en", link: "https://example.test/", selfUrl: "https://example.test/feed.xml" };
    const feed = parse(rssFeed(channel, [story], "https://example.test"));
    const item = feed.rss.channel.item[0];
    expect(feed.rss["@_version"]).toBe("2.0");
    expect(item.title).toBe("Tides & <tempests> ]]> at the quay");
    expect(item.link).toBe("https://example.test/news/tides");
    expect(item["content:encoded"]).toContain("Body with ]]> inside");
    expect(item["content:encoded"]).toContain('href="https://example.test/news/other"');
    expect(item["dc:creator"]).toEqual(["Wren Calloway", "Idris Achterberg"]);
    expect(item.category).toEqual(["News", "Weather", "Harbour"]);
    expect(item.enclosure).toMatchObject({ "@_url": `https://example.test/media/${story.image!.id}/original.png`, "@_length": "1234", "@_type": "image/png" });
    expect(new Date(item.pubDate).toISOString()).toBe("2026-11-20T10:00:00.000Z");
  });
});

describe("sitemaps", () => {
  it("list URLs, index parts, and give Google News its publication name and language", () => {
    const set = parse(urlSet([{ loc: "https://example.test/?a=1&b=2", lastmod: new Date("2026-11-20T10:00:00Z") }]));
    expect(set.urlset.url[0]).toEqual({ loc: "https://example.test/?a=1&b=2", lastmod: "2026-11-20T10:00:00.000Z" });
    const index = parse(sitemapIndex(["https://example.test/sitemap.xml?part=1", "https://example.test/sitemap.xml?part=2"]));
    expect(index.sitemapindex.sitemap).toHaveLength(2);
    const news = parse(newsSitemap([{ ...story, updatedAt: null }], { name: "The Ledger", language: "en" }, "https://example.test"));
    expect(news.urlset.url[0]["news:news"]).toMatchObject({
      "news:publication": { "news:name": "The Ledger", "news:language": "en" },
      "news:title": "Tides & <tempests> ]]> at the quay",
      "news:publication_date": "2026-11-20T10:00:00.000Z",
    });
  });
});

describe("sitemap parts", () => {
  it("split fronts and stories so every URL is in exactly one part", () => {
    const perPart = 10;
    const fronts = 3;
    const stories = 25;
    const parts = sitemapPartCount(fronts + stories, perPart);
    expect(parts).toBe(3);
    const covered: number[] = [];
    for (let part = 1; part <= parts; part++) {
      const { offset, limit } = sitemapPartStories(part, fronts, perPart);
      for (let i = offset; i < Math.min(offset + limit, stories); i++) covered.push(i);
      expect((part === 1 ? fronts : 0) + limit).toBeLessThanOrEqual(perPart);
    }
    expect(covered).toEqual(Array.from({ length: stories }, (_, i) => i));
    expect(sitemapPartCount(0, perPart)).toBe(1);
  });
});

describe("reader-facing times and numbers", () => {
  it("show the publication's timezone", () => {
    const date = new Date("2026-11-20T10:05:00Z");
    expect(formatDateTime(date, "en-GB", "UTC")).toBe("20 November 2026 at 10:05 UTC");
    expect(formatDateTime(date, "en-GB", "Europe/Paris")).toMatch(/11:05 CET$/);
    expect(formatDate(date, "en-GB", "Pacific/Auckland")).toBe("20 November 2026");
  });

  it("follow the publication's language, not the server's locale", () => {
    const date = new Date("2026-11-20T23:05:00Z");
    expect(formatDate(date, "de", "Europe/Berlin")).toBe("21. November 2026");
    expect(formatDateTime(date, "de", "Europe/Berlin")).toBe("21. November 2026 um 00:05 MEZ");
    expect(formatDate(date, "uk", "Europe/Kyiv")).toBe("21 листопада 2026 р.");
    expect(formatDate(date, "en", "America/New_York")).toBe("November 20, 2026");
    expect(formatNumber(12345, "de")).toBe("12.345");
    expect(formatNumber(12345, "en")).toBe("12,345");
  });
});

