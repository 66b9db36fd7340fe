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
  sections: versionedCache("sections", listPublicSections),
  sectionBySlug: versionedCache("sectionBySlug", sectionBySlug),
  authorBySlug: versionedCache("authorBySlug", authorBySlug),
  tagBySlug: versionedCache("tagBySlug", tagBySlug),
  latestStories: versionedCache("latestStories", latestStories),
  sectionStories: versionedCache("sectionStories", sectionStories),
  authorStories: versionedCache("authorStories", authorStories),
  tagStories: versionedCache("tagStories", tagStories),
  relatedStories: versionedCache("relatedStories", relatedStories),
  story: versionedCache("story", publicStoryById),
  storyAddress: versionedCache("storyAddress", resolveStoryAddress),
  corrections: versionedCache("corrections", listCorrections),
  feedStories: versionedCache("feedStories", feedStories),
  sitemapStories: versionedCache("sitemapStories", sitemapStories),
  countStories: versionedCache("countStories", countPublicStories),
  search: versionedCache("search", searchStories),
  /** Whole story pages (keyed by internal path and origin, which canonical URLs carry). */
  renderedPage: versionedCache("renderedPage", renderInternally),
};
