import type { SitemapStory } from "@/db/queries/public-stories";
import { storyPath } from "./urls";
import { escapeXml, xmlSafe } from "./xml";

/** The sitemaps protocol's limit per file; past it /sitemap.xml becomes an index of parts. */
export const URLS_PER_SITEMAP = 50_000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export type SitemapUrl = { loc: string; lastmod?: Date };

export function urlSet(urls: SitemapUrl[]): string {
  const entries = urls.map(
    (url) => `<url><loc>${escapeXml(url.loc)}</loc>${url.lastmod ? `<lastmod>${url.lastmod.toISOString()}</lastmod>` : ""}</url>`,
  );
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset xmlns="${SITEMAP_NS}">`, ...entries, "</urlset>"].join("\n");
}

export function sitemapIndex(partUrls: string[]): string {
  const entries = partUrls.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<sitemapindex xmlns="${SITEMAP_NS}">`, ...entries, "</sitemapindex>"].join("\n");
}

export function storyUrl(story: SitemapStory, origin: string): SitemapUrl {
  return { loc: `${origin}${storyPath(story)}`, lastmod: story.updatedAt ?? story.publishedAt };
}

/** Google News sitemap: stories of the last 48 hours with the publication's name and language. */
export function newsSitemap(stories: SitemapStory[], publication: { name: string; language: string }, origin: string): string {
  const entries = stories.map((story) =>
    [
      "<url>",
      `<loc>${escapeXml(`${origin}${storyPath(story)}`)}</loc>`,
      "<news:news>",
      `<news:publication><news:name>${escapeXml(xmlSafe(publication.name))}</news:name><news:language>${escapeXml(publication.language)}</news:language></news:publication>`,
      `<news:publication_date>${story.publishedAt.toISOString()}</news:publication_date>`,
      `<news:title>${escapeXml(xmlSafe(story.headline))}</news:title>`,
      "</news:news>",
      "</url>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`,
    ...entries,
    "</urlset>",
  ].join("\n");
}

export function sitemapPartCount(urlCount: number, perPart = URLS_PER_SITEMAP): number {
  return Math.max(1, Math.ceil(urlCount / perPart));
}

/** Which stories part n (from 1) holds: the fronts come first, so part 1 has room for fewer. */
export function sitemapPartStories(part: number, frontCount: number, perPart = URLS_PER_SITEMAP): { offset: number; limit: number } {
  return part === 1 ? { offset: 0, limit: perPart - frontCount } : { offset: (part - 1) * perPart - frontCount, limit: perPart };
}
