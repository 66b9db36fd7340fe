import "server-only";
import { authorBySlug, listPublicSections, sectionBySlug, tagBySlug } from "@/db/queries/public-lookups";
import { searchStories } from "@/db/queries/public-search";
import {
  authorStories,
  countPublicStories,
  feedStories,
  latestStories,
  listCorrections,
  publicStoryById,
  relatedStories,
  resolveStoryAddress,
  sectionStories,
  sitemapStories,
  tagStories,
} from "@/db/queries/public-stories";
import { renderInternally } from "./internal-render";
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
  relatedStories: versionedCache(relatedStories),
  story: versionedCache(publicStoryById),
  storyAddress: versionedCache(resolveStoryAddress),
  corrections: versionedCache(listCorrections),
  feedStories: versionedCache(feedStories),
  sitemapStories: versionedCache(sitemapStories),
  countStories: versionedCache(countPublicStories),
  search: versionedCache(searchStories),
  /**
   * Whole story pages, keyed by internal path and origin (canonical URLs carry it). A page is tens
   * of kilobytes; a few hundred cover the stories people are reading now.
   */
  renderedPage: versionedCache(renderInternally, { maxEntries: 300 }),
};
