import "server-only";
import { authorBySlug, listPublicSections, sectionBySlug, tagBySlug } from "@/db/queries/public-lookups";
import { listPublicPages, publicPageBySlug } from "@/db/queries/public-pages";
import { searchStories } from "@/db/queries/public-search";
import {
  authorStories,
  countPublicStories,
  feedStories,
  latestStories,
  listCorrections,
  sectionStories,
  sitemapStories,
  tagStories,
} from "@/db/queries/public-stories";
import { versionedCache } from "./versioned-cache";

/**
 * The public reads, cached per public version: call with `(await publicState()).version` first.
 * Not a story page's own: it reads its story afresh, as the page cache keeps the page it makes and a
 * copy here would only take memory.
 */
export const reads = {
  sections: versionedCache(listPublicSections),
  sectionBySlug: versionedCache(sectionBySlug),
  authorBySlug: versionedCache(authorBySlug),
  tagBySlug: versionedCache(tagBySlug),
  latestStories: versionedCache(latestStories),
  sectionStories: versionedCache(sectionStories),
  authorStories: versionedCache(authorStories),
  tagStories: versionedCache(tagStories),
  corrections: versionedCache(listCorrections),
  feedStories: versionedCache(feedStories),
  sitemapStories: versionedCache(sitemapStories),
  countStories: versionedCache(countPublicStories),
  search: versionedCache(searchStories),
  page: versionedCache(publicPageBySlug),
  pages: versionedCache(listPublicPages),
};
