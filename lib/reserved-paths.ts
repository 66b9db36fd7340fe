/**
 * First path segments that belong to the app, not to a section: a section with one of these slugs
 * would be unreachable or would hide one of our own pages. Checked when a section is created.
 */
export const RESERVED_SECTION_SLUGS = [
  "desk",
  "login",
  "logout",
  "setup",
  "invite",
  "reset",
  "forgot-password",
  "unsubscribe",
  "preview",
  "api",
  "authors",
  "tags",
  "search",
  "corrections",
  "feed.xml",
  "sitemap.xml",
  "news-sitemap.xml",
  "robots.txt",
  "media",
  "_next",
  "_story",
  "favicon.ico",
  "icon",
  "apple-icon",
  "opengraph-image",
  "manifest.webmanifest",
] as const;

const reserved: ReadonlySet<string> = new Set(RESERVED_SECTION_SLUGS);

export function isReservedSectionSlug(slug: string): boolean {
  return reserved.has(slug.trim().toLowerCase());
}
