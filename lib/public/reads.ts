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

/** Every public read, cached per public version: call with `(await publicState()).version` first. */
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
