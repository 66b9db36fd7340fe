import "server-only";
import { and, asc, count, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "../client";
import { builtOnce } from "./built-once";
import { media, publicStories, publicStoryBylines, publicStoryTags, sections, storyCorrections, storyPaths, tags, users } from "../schema";

// Public pages read public_stories (the live versions) and never stories, so drafts and pending
// revisions cannot leak. Every function here answers for the public; none takes a session.

export type PublicByline = { id: string; displayName: string; slug: string };
export type PublicImage = { id: string; width: number; height: number; alt: string; caption: string; credit: string };

export type PublicStoryCard = {
  id: string;
  headline: string;
  dek: string;
  slug: string;
  sectionSlug: string;
  sectionName: string;
  publishedAt: Date;
  updatedAt: Date | null;
  image: PublicImage | null;
  bylines: PublicByline[];
};

/** The bylines of the story `storyId` names, in order, as JSON, read in the same query as the story. */
const bylinesJsonOf = (storyId: AnyPgColumn) => sql<PublicByline[]>`(
  SELECT coalesce(json_agg(json_build_object('id', ${users.id}, 'displayName', ${users.displayName}, 'slug', ${users.slug}) ORDER BY ${publicStoryBylines.position}), '[]'::json)
  FROM ${publicStoryBylines} INNER JOIN ${users} ON ${users.id} = ${publicStoryBylines.userId}
  WHERE ${publicStoryBylines.storyId} = ${storyId})`;

const cardColumns = {
  id: publicStories.storyId,
  headline: publicStories.headline,
  dek: publicStories.dek,
  slug: publicStories.slug,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  publishedAt: publicStories.publishedAt,
  updatedAt: publicStories.updatedAt,
  imageId: media.id,
  imageWidth: media.width,
  imageHeight: media.height,
  imageAlt: publicStories.featuredImageAlt,
  imageCaption: publicStories.featuredImageCaption,
  imageCredit: publicStories.featuredImageCredit,
  bylines: bylinesJsonOf(publicStories.storyId),
};

type CardRow = Omit<PublicStoryCard, "image"> & {
  imageId: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
};

function toCard(row: CardRow): PublicStoryCard {
  const { imageId, imageWidth, imageHeight, imageAlt, imageCaption, imageCredit, ...rest } = row;
  const image =
    imageId && imageWidth && imageHeight
      ? { id: imageId, width: imageWidth, height: imageHeight, alt: imageAlt, caption: imageCaption, credit: imageCredit }
      : null;
  return { ...rest, image };
}

/** Newest first, with section, featured image and bylines, in one query. */
async function storyCards(where: SQL | undefined, limit: number, offset = 0): Promise<PublicStoryCard[]> {
  const rows = await db()
    .select(cardColumns)
    .from(publicStories)
    .innerJoin(sections, eq(publicStories.sectionId, sections.id))
    .leftJoin(media, eq(publicStories.featuredImageId, media.id))
    .where(where)
    .orderBy(desc(publicStories.publishedAt), desc(publicStories.storyId))
    .limit(limit)
    .offset(offset);
  return rows.map(toCard);
}

async function countStories(where: SQL | undefined): Promise<number> {
  const [row] = await db().select({ total: count() }).from(publicStories).where(where);
  return row?.total ?? 0;
}

/** Cards for the given stories, by id (those still live). */
export async function latestStoriesByIds(ids: string[]): Promise<Map<string, PublicStoryCard>> {
  if (ids.length === 0) return new Map();
  const cards = await storyCards(inArray(publicStories.storyId, ids), ids.length);
  return new Map(cards.map((card) => [card.id, card]));
}

export type StoryPage = { stories: PublicStoryCard[]; total: number };

async function listPage(where: SQL, limit: number, offset: number): Promise<StoryPage> {
  const [stories, total] = await Promise.all([storyCards(where, limit, offset), countStories(where)]);
  return { stories, total };
}

export async function latestStories(limit: number, offset = 0): Promise<PublicStoryCard[]> {
  return storyCards(undefined, limit, offset);
}

export async function sectionStories(sectionId: string, limit: number, offset: number): Promise<StoryPage> {
  const where = eq(publicStories.sectionId, sectionId);
  return listPage(where, limit, offset);
}

export async function authorStories(userId: string, limit: number, offset: number): Promise<StoryPage> {
  const where = inArray(
    publicStories.storyId,
    db().select({ id: publicStoryBylines.storyId }).from(publicStoryBylines).where(eq(publicStoryBylines.userId, userId)),
  );
  return listPage(where, limit, offset);
}

export async function tagStories(tagId: string, limit: number, offset: number): Promise<StoryPage> {
  const where = inArray(
    publicStories.storyId,
    db().select({ id: publicStoryTags.storyId }).from(publicStoryTags).where(eq(publicStoryTags.tagId, tagId)),
  );
  return listPage(where, limit, offset);
}

export type PublicTag = { id: string; name: string; slug: string };
export type PublicCorrection = { id: string; kind: "correction" | "update"; note: string; publishedAt: Date };

export type PublicStory = PublicStoryCard & {
  sectionId: string;
  bodyHtml: string;
  wordCount: number;
  seoTitle: string;
  seoDescription: string;
  tags: PublicTag[];
  corrections: PublicCorrection[];
  /** Up to four other live stories, those sharing a tag first, then the rest of the section. */
  related: PublicStoryCard[];
};

const storyTagsJson = sql<PublicTag[]>`(
  SELECT coalesce(json_agg(json_build_object('id', ${tags.id}, 'name', ${tags.name}, 'slug', ${tags.slug}) ORDER BY ${publicStoryTags.position}), '[]'::json)
  FROM ${publicStoryTags} INNER JOIN ${tags} ON ${tags.id} = ${publicStoryTags.tagId}
  WHERE ${publicStoryTags.storyId} = ${publicStories.storyId})`;

// Timestamps leave JSON as text; they are turned back into dates below.
const correctionsJson = sql<(Omit<PublicCorrection, "publishedAt"> & { publishedAt: string })[]>`(
  SELECT coalesce(json_agg(json_build_object('id', ${storyCorrections.id}, 'kind', ${storyCorrections.kind}, 'note', ${storyCorrections.note},
                                             'publishedAt', ${storyCorrections.publishedAt}) ORDER BY ${storyCorrections.publishedAt}), '[]'::json)
  FROM ${storyCorrections} WHERE ${storyCorrections.storyId} = ${publicStories.storyId})`;

const RELATED_LIMIT = 4;
const candidate = alias(publicStories, "candidate");
const ownTag = alias(publicStoryTags, "own_tag");
const sharedTag = alias(publicStoryTags, "shared_tag");
const relatedStory = alias(publicStories, "related_story");
const relatedSection = alias(sections, "related_section");
const relatedImage = alias(media, "related_image");

/** Other live stories, newest first, four at most: one short index walk. */
const newestOthers = (rank: number, where: SQL) => sql`(
  SELECT ${candidate.storyId} AS id, ${candidate.publishedAt} AS published_at, ${sql.raw(String(rank))} AS rank FROM ${publicStories} ${candidate}
  WHERE ${candidate.storyId} <> ${publicStories.storyId} AND ${where}
  ORDER BY ${candidate.publishedAt} DESC, ${candidate.storyId} DESC LIMIT ${sql.raw(String(RELATED_LIMIT))})`;

// Timestamps leave JSON as text; they are turned back into dates below.
type RelatedRow = Omit<CardRow, "publishedAt" | "updatedAt"> & { publishedAt: string; updatedAt: string | null };

/**
 * The story's related stories, as JSON: those sharing a tag first, then the rest of the section;
 * never the story itself. Two short index walks (newest first, four each): ordering the whole
 * section by "shares a tag" would scan it, which at 100,000 stories takes half a second.
 */
const relatedJson = sql<RelatedRow[]>`(
  SELECT coalesce(json_agg(json_build_object(
    'id', ${relatedStory.storyId}, 'headline', ${relatedStory.headline}, 'dek', ${relatedStory.dek}, 'slug', ${relatedStory.slug},
    'sectionSlug', ${relatedSection.slug}, 'sectionName', ${relatedSection.name},
    'publishedAt', ${relatedStory.publishedAt}, 'updatedAt', ${relatedStory.updatedAt},
    'imageId', ${relatedImage.id}, 'imageWidth', ${relatedImage.width}, 'imageHeight', ${relatedImage.height},
    'imageAlt', ${relatedStory.featuredImageAlt}, 'imageCaption', ${relatedStory.featuredImageCaption}, 'imageCredit', ${relatedStory.featuredImageCredit},
    'bylines', ${bylinesJsonOf(relatedStory.storyId)}
  ) ORDER BY picked.rank, ${relatedStory.publishedAt} DESC, ${relatedStory.storyId} DESC), '[]'::json)
  FROM (
    SELECT id, min(rank) AS rank FROM (
      ${newestOthers(0, sql`${candidate.storyId} IN (
        SELECT ${sharedTag.storyId} FROM ${publicStoryTags} ${sharedTag} INNER JOIN ${publicStoryTags} ${ownTag} ON ${ownTag.tagId} = ${sharedTag.tagId}
        WHERE ${ownTag.storyId} = ${publicStories.storyId})`)}
      UNION ALL
      ${newestOthers(1, sql`${candidate.sectionId} = ${publicStories.sectionId}`)}
    ) candidates
    GROUP BY id, published_at ORDER BY min(rank), published_at DESC, id DESC LIMIT ${sql.raw(String(RELATED_LIMIT))}
  ) picked
  INNER JOIN ${publicStories} ${relatedStory} ON ${relatedStory.storyId} = picked.id
  INNER JOIN ${sections} ${relatedSection} ON ${relatedSection.id} = ${relatedStory.sectionId}
  LEFT JOIN ${media} ${relatedImage} ON ${relatedImage.id} = ${relatedStory.featuredImageId})`;

/** The live story at /section/slug, with everything its page shows (related stories too), in one query. */
export async function publicStoryAtAddress(sectionSlug: string, slug: string): Promise<PublicStory | null> {
  const [row] = await storyAtAddressQuery().execute({ sectionSlug, slug });
  if (!row) return null;
  const { sectionId, bodyHtml, wordCount, seoTitle, seoDescription, tags: storyTags, corrections, related, ...card } = row;
  return {
    ...toCard(card),
    sectionId,
    bodyHtml,
    wordCount,
    seoTitle,
    seoDescription,
    tags: storyTags,
    corrections: corrections.map((correction) => ({ ...correction, publishedAt: new Date(correction.publishedAt) })),
    related: related.map((other) => toCard({ ...other, publishedAt: new Date(other.publishedAt), updatedAt: other.updatedAt ? new Date(other.updatedAt) : null })),
  };
}

const storyAtAddressQuery = builtOnce("story_at_address", () =>
  db()
    .select({
      ...cardColumns,
      sectionId: publicStories.sectionId,
      bodyHtml: publicStories.bodyHtml,
      wordCount: publicStories.wordCount,
      seoTitle: publicStories.seoTitle,
      seoDescription: publicStories.seoDescription,
      tags: storyTagsJson,
      corrections: correctionsJson,
      related: relatedJson,
    })
    .from(publicStories)
    .innerJoin(sections, eq(publicStories.sectionId, sections.id))
    .leftJoin(media, eq(publicStories.featuredImageId, media.id))
    .where(and(eq(sections.slug, sql.placeholder("sectionSlug")), eq(publicStories.slug, sql.placeholder("slug")))),
);

export type StoryAddress =
  | { kind: "live"; storyId: string }
  | { kind: "moved"; storyId: string; sectionSlug: string; slug: string }
  | { kind: "gone"; storyId: string }
  | { kind: "missing" };

/**
 * What a /section/slug address is now: a live story, an old address of one (301), the address of
 * a story that was unpublished (410), or nothing a reader was ever given (404).
 */
export async function resolveStoryAddress(sectionSlug: string, slug: string): Promise<StoryAddress> {
  const [live] = await liveAddressQuery().execute({ sectionSlug, slug });
  if (live) return { kind: "live", storyId: live.storyId };
  const [known] = await db()
    .select({ storyId: storyPaths.storyId, currentSection: sections.slug, currentSlug: publicStories.slug })
    .from(storyPaths)
    .leftJoin(publicStories, eq(publicStories.storyId, storyPaths.storyId))
    .leftJoin(sections, eq(publicStories.sectionId, sections.id))
    .where(and(eq(storyPaths.sectionSlug, sectionSlug), eq(storyPaths.slug, slug)));
  if (!known) return { kind: "missing" };
  if (known.currentSection && known.currentSlug) return { kind: "moved", storyId: known.storyId, sectionSlug: known.currentSection, slug: known.currentSlug };
  return { kind: "gone", storyId: known.storyId };
}

const liveAddressQuery = builtOnce("live_address", () =>
  db()
    .select({ storyId: publicStories.storyId })
    .from(publicStories)
    .innerJoin(sections, eq(publicStories.sectionId, sections.id))
    .where(and(eq(sections.slug, sql.placeholder("sectionSlug")), eq(publicStories.slug, sql.placeholder("slug")))),
);

export type CorrectionEntry = PublicCorrection & { story: { headline: string; sectionSlug: string; slug: string } };

/** Notes on stories that are public now, newest first. */
export async function listCorrections(limit: number, offset: number): Promise<{ corrections: CorrectionEntry[]; total: number }> {
  const rows = await db()
    .select({
      id: storyCorrections.id,
      kind: storyCorrections.kind,
      note: storyCorrections.note,
      publishedAt: storyCorrections.publishedAt,
      headline: publicStories.headline,
      sectionSlug: sections.slug,
      slug: publicStories.slug,
    })
    .from(storyCorrections)
    .innerJoin(publicStories, eq(storyCorrections.storyId, publicStories.storyId))
    .innerJoin(sections, eq(publicStories.sectionId, sections.id))
    .orderBy(desc(storyCorrections.publishedAt), desc(storyCorrections.id))
    .limit(limit)
    .offset(offset);
  const [totalRow] = await db()
    .select({ total: count() })
    .from(storyCorrections)
    .innerJoin(publicStories, eq(storyCorrections.storyId, publicStories.storyId));
  return {
    corrections: rows.map(({ headline, sectionSlug, slug, ...correction }) => ({ ...correction, story: { headline, sectionSlug, slug } })),
    total: totalRow?.total ?? 0,
  };
}

export type FeedStory = PublicStoryCard & {
  bodyHtml: string;
  seoDescription: string;
  tags: string[];
  /** The featured image's original file, which feeds enclose (its exact size and type are known). */
  imageFile: { mimeType: string; bytes: number } | null;
};

/** What feeds carry: the newest stories with their rendered bodies and tag names. */
export async function feedStories(sectionId: string | null, limit: number): Promise<FeedStory[]> {
  const cards = await storyCards(sectionId ? eq(publicStories.sectionId, sectionId) : undefined, limit);
  if (cards.length === 0) return [];
  const ids = cards.map((card) => card.id);
  const bodies = await db()
    .select({
      id: publicStories.storyId,
      bodyHtml: publicStories.bodyHtml,
      seoDescription: publicStories.seoDescription,
      mimeType: media.mimeType,
      bytes: media.bytes,
    })
    .from(publicStories)
    .leftJoin(media, eq(publicStories.featuredImageId, media.id))
    .where(inArray(publicStories.storyId, ids));
  const tagRows = await db()
    .select({ storyId: publicStoryTags.storyId, name: tags.name })
    .from(publicStoryTags)
    .innerJoin(tags, eq(publicStoryTags.tagId, tags.id))
    .where(inArray(publicStoryTags.storyId, ids))
    .orderBy(asc(publicStoryTags.position));
  return cards.map((card) => {
    const body = bodies.find((row) => row.id === card.id)!;
    return {
      ...card,
      bodyHtml: body.bodyHtml,
      seoDescription: body.seoDescription,
      tags: tagRows.filter((row) => row.storyId === card.id).map((row) => row.name),
      imageFile: body.mimeType && body.bytes !== null ? { mimeType: body.mimeType, bytes: body.bytes } : null,
    };
  });
}

export type SitemapStory = { sectionSlug: string; slug: string; headline: string; publishedAt: Date; updatedAt: Date | null };

/** Every live story's address, oldest first so pages of the sitemap stay stable as stories are added. */
export async function sitemapStories(limit: number, offset: number, since?: Date): Promise<SitemapStory[]> {
  return db()
    .select({
      sectionSlug: sections.slug,
      slug: publicStories.slug,
      headline: publicStories.headline,
      publishedAt: publicStories.publishedAt,
      updatedAt: publicStories.updatedAt,
    })
    .from(publicStories)
    .innerJoin(sections, eq(publicStories.sectionId, sections.id))
    .where(since ? gte(publicStories.publishedAt, since) : undefined)
    .orderBy(asc(publicStories.publishedAt), asc(publicStories.storyId))
    .limit(limit)
    .offset(offset);
}

export async function countPublicStories(): Promise<number> {
  return countStories(undefined);
}
