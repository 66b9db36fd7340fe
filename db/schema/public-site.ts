import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { regconfig, tsvector } from "./columns";
import { users, sections, media, stories, tags } from "./newsroom";

/** What readers see: the live version of every public story and page, its addresses, and CDN purges. */

/**
 * The live version of every public story, and nothing else: written only by the publishing steps
 * (publish now, the scheduler, publish update, republish) and removed by unpublish. Public pages,
 * feeds, sitemaps and search read from here, so a draft or a pending revision can never leak.
 */
export const publicStories = pgTable(
  "public_stories",
  {
    storyId: uuid("story_id")
      .primaryKey()
      .references(() => stories.id, { onDelete: "cascade" }),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "restrict" }),
    slug: text("slug").notNull(),
    headline: text("headline").notNull(),
    dek: text("dek").notNull(),
    body: jsonb("body").notNull(),
    /** The shared renderer's output, made once at publish time. */
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    wordCount: integer("word_count").notNull(),
    seoTitle: text("seo_title").notNull(),
    seoDescription: text("seo_description").notNull(),
    featuredImageId: uuid("featured_image_id").references(() => media.id, { onDelete: "set null" }),
    featuredImageAlt: text("featured_image_alt").notNull(),
    featuredImageCaption: text("featured_image_caption").notNull(),
    featuredImageCredit: text("featured_image_credit").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    /** When an update last went live; null until the first one. */
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    /** The story revision this live version was taken from. */
    liveRevision: integer("live_revision").notNull(),
    /** The publication's search configuration when this row was written or re-indexed. */
    searchConfig: regconfig("search_config").notNull(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector(search_config, headline), 'A') || setweight(to_tsvector(search_config, dek), 'B') || setweight(to_tsvector(search_config, body_text), 'C')`,
      ),
  },
  (t) => [
    uniqueIndex("public_stories_slug_unique").on(t.sectionId, t.slug),
    index("public_stories_published_idx").on(t.publishedAt),
    index("public_stories_section_idx").on(t.sectionId, t.publishedAt),
    index("public_stories_search_idx").using("gin", t.search),
  ],
);

export const publicStoryBylines = pgTable(
  "public_story_bylines",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => publicStories.storyId, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.userId] }), index("public_story_bylines_user_idx").on(t.userId)],
);

export const publicStoryTags = pgTable(
  "public_story_tags",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => publicStories.storyId, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.tagId] }), index("public_story_tags_tag_idx").on(t.tagId)],
);

/**
 * Every public address a story has had (section slug + story slug). An address that is not the
 * story's current one answers 301; one whose story is no longer public answers 410.
 */
export const storyPaths = pgTable(
  "story_paths",
  {
    sectionSlug: text("section_slug").notNull(),
    slug: text("slug").notNull(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sectionSlug, t.slug] }), index("story_paths_story_idx").on(t.storyId)],
);

/**
 * Purges of shared caches (lib/public/purge.ts) whose first attempt failed, kept until one is
 * taken or the shared copies have expired by themselves: a CDN that was unreachable for a while
 * still learns of every change, whichever instance made it and whether or not that one restarts.
 */
export const cachePurges = pgTable(
  "cache_purges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tags: text("tags").array().notNull(),
    attempts: integer("attempts").notNull().default(1),
    /** When the next attempt is due; while one is under way, when that worker's claim lapses. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cache_purges_due_idx").on(t.dueAt)],
);

/**
 * The live version of every public standing page: written by the same publishing steps as
 * public_stories, removed by unpublish. Kept apart from public_stories so no list of stories
 * (home, sections, feeds, search, sitemaps of news) can ever include a page.
 */
export const publicPages = pgTable(
  "public_pages",
  {
    storyId: uuid("story_id")
      .primaryKey()
      .references(() => stories.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    headline: text("headline").notNull(),
    dek: text("dek").notNull(),
    bodyHtml: text("body_html").notNull(),
    seoTitle: text("seo_title").notNull(),
    seoDescription: text("seo_description").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    /** When an update last went live; null until the first one. */
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    liveRevision: integer("live_revision").notNull(),
    /** Place in the footer navigation, which admins order; a page going live for the first time comes last. */
    footerPosition: integer("footer_position").notNull(),
  },
  (t) => [uniqueIndex("public_pages_slug_unique").on(t.slug), index("public_pages_footer_idx").on(t.footerPosition)],
);
