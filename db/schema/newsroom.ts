import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps, regconfig } from "./columns";

/** The people, the publication and the stories the desk works on, with what hangs off a story. */

export const ROLES = ["writer", "editor", "admin"] as const;

export type Role = (typeof ROLES)[number];

export const roleEnum = pgEnum("user_role", ROLES);

export const STORY_STATUSES = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "scheduled",
  "published",
  "unpublished",
] as const;

export type StoryStatus = (typeof STORY_STATUSES)[number];

export const storyStatusEnum = pgEnum("story_status", STORY_STATUSES);

/** A story is news in a section; a page is a standing page (About, Ethics policy…) at /<slug>. */
export const STORY_KINDS = ["story", "page"] as const;

export type StoryKind = (typeof STORY_KINDS)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    slug: text("slug").notNull(),
    bio: text("bio").notNull().default(""),
    // media is declared below and points back at users (uploaded_by): hence the typed thunk.
    avatarMediaId: uuid("avatar_media_id").references((): AnyPgColumn => media.id, { onDelete: "set null" }),
    role: roleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    sessionVersion: integer("session_version").notNull().default(1),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** The hour (0–23, publication's time zone) of this person's daily email digest. */
    digestHour: integer("digest_hour").notNull().default(8),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    uniqueIndex("users_slug_unique").on(t.slug),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

/** One row: the publication's own settings. */
export const publication = pgTable(
  "publication",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    language: text("language").notNull().default("en"),
    timezone: text("timezone").notNull().default("UTC"),
    /** How the language's words are stemmed in search; follows `language`, and public_stories follow it. */
    searchConfig: regconfig("search_config").notNull().default(sql`'english'::regconfig`),
    logoMediaId: uuid("logo_media_id").references((): AnyPgColumn => media.id, { onDelete: "set null" }),
    /** og:image and twitter:image of pages that have no image of their own. */
    socialImageMediaId: uuid("social_image_media_id").references((): AnyPgColumn => media.id, { onDelete: "set null" }),
    /**
     * Bumped in the same transaction as anything that changes what the public sees (publishing,
     * unpublishing, settings): public caches key on it, so the next reader request is fresh
     * on every instance sharing the database.
     */
    publicVersion: integer("public_version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("publication_single_row", sql`${t.id} = 1`)],
);

export const sections = pgTable(
  "sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    hidden: boolean("hidden").notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex("sections_slug_unique").on(t.slug), index("sections_position_idx").on(t.position)],
);

/** An uploaded image; its files (original and resized variants) live in the media store. */
export const media = pgTable(
  "media",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    originalName: text("original_name").notNull().default(""),
    mimeType: text("mime_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    /** The library's defaults, offered wherever the image is placed (each use may change its own copy). */
    alt: text("alt").notNull().default(""),
    caption: text("caption").notNull().default(""),
    credit: text("credit").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("media_uploaded_by_idx").on(t.uploadedBy, t.createdAt), index("media_created_idx").on(t.createdAt)],
);

export const stories = pgTable(
  "stories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<StoryKind>().notNull().default("story"),
    headline: text("headline").notNull().default(""),
    dek: text("dek").notNull().default(""),
    slug: text("slug"),
    body: jsonb("body").notNull().default({ type: "doc", content: [] }),
    status: storyStatusEnum("status").notNull().default("draft"),
    sectionId: uuid("section_id").references(() => sections.id, { onDelete: "restrict" }),
    /** True once someone edits the slug by hand; until then it follows the headline. */
    slugLocked: boolean("slug_locked").notNull().default(false),
    featuredImageId: uuid("featured_image_id").references(() => media.id, { onDelete: "set null" }),
    featuredImageAlt: text("featured_image_alt").notNull().default(""),
    featuredImageCaption: text("featured_image_caption").notNull().default(""),
    featuredImageCredit: text("featured_image_credit").notNull().default(""),
    wordCount: integer("word_count").notNull().default(0),
    seoTitle: text("seo_title").notNull().default(""),
    seoDescription: text("seo_description").notNull().default(""),
    /** When a scheduled story is due to go live. */
    publishAt: timestamp("publish_at", { withTimezone: true }),
    /** When it first went live; set once. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** A published story's working copy differs from its live version (public_stories). */
    pendingUpdate: boolean("pending_update").notNull().default(false),
    /** When it was first submitted for review; a story never submitted may be deleted. */
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    lastEditedBy: uuid("last_edited_by").references(() => users.id, { onDelete: "set null" }),
    /** Bumped by every save and transition: the basis for conflict detection. */
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("stories_slug_unique").on(t.slug),
    index("stories_status_published_idx").on(t.status, t.publishedAt),
    index("stories_section_published_idx").on(t.sectionId, t.publishedAt),
    index("stories_scheduled_idx").on(t.publishAt).where(sql`${t.status} = 'scheduled'`),
    index("stories_updated_idx").on(t.updatedAt),
    check("stories_kind", sql`${t.kind} IN ('story', 'page')`),
  ],
);

export const storyBylines = pgTable(
  "story_bylines",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.userId] }), index("story_bylines_user_idx").on(t.userId)],
);

export const tags = pgTable(
  "tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tags_slug_unique").on(t.slug)],
);

export const storyTags = pgTable(
  "story_tags",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.tagId] }), index("story_tags_tag_idx").on(t.tagId)],
);

export const storyRevisions = pgTable(
  "story_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    headline: text("headline").notNull(),
    dek: text("dek").notNull(),
    body: jsonb("body").notNull(),
    /** The other editable fields as they were (section, slug, SEO, bylines…). */
    fields: jsonb("fields").notNull().default({}),
    reason: text("reason").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("story_revisions_story_idx").on(t.storyId, t.createdAt)],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** For inline comments: where in the body the comment is anchored. */
    anchor: jsonb("anchor"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("comments_story_idx").on(t.storyId, t.createdAt), index("comments_parent_idx").on(t.parentId)],
);

export const CORRECTION_KINDS = ["correction", "update"] as const;

export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const correctionKindEnum = pgEnum("correction_kind", CORRECTION_KINDS);

/** Public notes carried by a published update, shown at the end of the story and on /corrections. */
export const storyCorrections = pgTable(
  "story_corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    kind: correctionKindEnum("kind").notNull(),
    note: text("note").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("story_corrections_story_idx").on(t.storyId), index("story_corrections_published_idx").on(t.publishedAt)],
);

/** The desk's bell: one row per person told about something. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    storyId: uuid("story_id").references(() => stories.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/** Expiring preview links for people without an account; only the token's hash is stored. */
export const shareLinks = pgTable(
  "share_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("share_links_token_unique").on(t.tokenHash), index("share_links_story_idx").on(t.storyId)],
);
