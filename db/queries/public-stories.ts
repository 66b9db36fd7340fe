import "server-only";
import { and, asc, count, desc, eq, gte, inArray, ne,  type SQL } from "drizzle-orm";
import { db } from "../client";
import { media, publicStories, publicStoryBylines, publicStoryTags, sections, storyCorrections, storyPaths, tags, users } from "../schema";

// Public pages read public_stories (the live versions) and never stories, so drafts and pending
// revisions cannot leak. Every function here answers for the public; none takes a session.

export type PublicByline = { displayName: string; slug: string };
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
};

type CardRow = Omit<PublicStoryCard, "image" | "bylines"> & {
  imageId: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
};

function toCard(row: CardRow, bylines: PublicByline[]): PublicStoryCard {
  const { imageId, imageWidth, imageHeight, imageAlt, imageCaption, imageCredit, ...rest } = row;
  const image =
    imageId && imageWidth && imageHeight
      ? { id: imageId, width: imageWidth, height: imageHeight, alt: imageAlt, caption: imageCaption, credit: imageCredit }
      : null;
  return { ...rest, image, bylines };
}

export async function publicBylines(storyIds: string[]): Promise<Map<string, PublicByline[]>> {
  const byStory = new Map<string, PublicByline[]>();
  if (storyIds.length === 0) return byStory;
  const rows = await db()
    .select({ storyId: publicStoryBylines.storyId, displayName: users.displayName, slug: users.slug })
    .from(publicStoryBylines)
    .innerJoin(users, eq(publicStoryBylines.userId, users.id))
    .where(inArray(publicStoryBylines.storyId, storyIds))
    .orderBy(asc(publicStoryBylines.position));
  for (const { storyId, ...byline } of rows) byStory.set(storyId, [...(byStory.get(storyId) ?? []), byline]);
  return byStory;
}

/** Newest first, with section, featured image and bylines. */
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
  const bylines = await publicBylines(rows.map((row) => row.id));
  return rows.map((row) => toCard(row, bylines.get(row.id) ?? []));
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

/**
 * Stories sharing a tag first, then the rest of the section; never the story itself. Two small
 * indexed reads: ordering the whole section by "shares a tag" would scan it, which at 100,000
 * stories takes half a second.
 */
export async function relatedStories(storyId: string, sectionId: string, tagIds: string[], limit = 4): Promise<PublicStoryCard[]> {
  const newestFirst = (where: SQL | undefined) =>
    db()
      .select({ id: publicStories.storyId })
      .from(publicStories)
      .where(and(ne(publicStories.storyId, storyId), where))
      .orderBy(desc(publicStories.publishedAt), desc(publicStories.storyId))
      .limit(limit);
  const [sharingTags, sameSection] = await Promise.all([
    tagIds.length > 0
      ? newestFirst(
          inArray(
            publicStories.storyId,
            db().select({ id: publicStoryTags.storyId }).from(publicStoryTags).where(inArray(publicStoryTags.tagId, tagIds)),
          ),
        )
      : [],
    newestFirst(eq(publicStories.sectionId, sectionId)),
  ]);
  const ids = [...new Set([...sharingTags, ...sameSection].map((row) => row.id))].slice(0, limit);
  if (ids.length === 0) return [];
  const cards = await latestStoriesByIds(ids);
  return ids.flatMap((id) => cards.get(id) ?? []);
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
};

export async function publicStoryById(storyId: string): Promise<PublicStory | null> {
  // Four independent reads at once: a first render waits for the slowest, not for their sum.
  const [[row], bylines, storyTagRows, corrections] = await Promise.all([
    db()
      .select({
        ...cardColumns,
        sectionId: publicStories.sectionId,
        bodyHtml: publicStories.bodyHtml,
        wordCount: publicStories.wordCount,
        seoTitle: publicStories.seoTitle,
        seoDescription: publicStories.seoDescription,
      })
      .from(publicStories)
      .innerJoin(sections, eq(publicStories.sectionId, sections.id))
      .leftJoin(media, eq(publicStories.featuredImageId, media.id))
      .where(eq(publicStories.storyId, storyId)),
    publicBylines([storyId]),
    db()
      .select({ id: tags.id, name: tags.name, slug: tags.slug })
      .from(publicStoryTags)
      .innerJoin(tags, eq(publicStoryTags.tagId, tags.id))
      .where(eq(publicStoryTags.storyId, storyId))
      .orderBy(asc(publicStoryTags.position)),
    db()
      .select({ id: storyCorrections.id, kind: storyCorrections.kind, note: storyCorrections.note, publishedAt: storyCorrections.publishedAt })
      .from(storyCorrections)
      .where(eq(storyCorrections.storyId, storyId))
      .orderBy(asc(storyCorrections.publishedAt)),
  ]);
  if (!row) return null;
  const { sectionId, bodyHtml, wordCount, seoTitle, seoDescription, ...card } = row;
  return {
    ...toCard(card, bylines.get(storyId) ?? []),
    sectionId,
    bodyHtml,
    wordCount,
    seoTitle,
    seoDescription,
    tags: storyTagRows,
    corrections,
  };
}

export type StoryAddress =
  | { kind: "live"; storyId: string }
  | { kind: "moved"; sectionSlug: string; slug: string }
  | { kind: "gone" }
  | { kind: "missing" };

/**
 * What a /section/slug address is now: a live story, an old address of one (301), the address of
 * a story that was unpublished (410), or nothing a reader was ever given (404).
 */
export async function resolveStoryAddress(sectionSlug: string, slug: string): Promise<StoryAddress> {
  const [live] = await db()
    .select({ storyId: publicStories.storyId })
    .from(publicStories)
    .innerJoin(sections, eq(publicStories.sectionId, sections.id))
    .where(and(eq(sections.slug, sectionSlug), eq(publicStories.slug, slug)));
  if (live) return { kind: "live", storyId: live.storyId };
  const [known] = await db()
    .select({ currentSection: sections.slug, currentSlug: publicStories.slug })
    .from(storyPaths)
    .leftJoin(publicStories, eq(publicStories.storyId, storyPaths.storyId))
    .leftJoin(sections, eq(publicStories.sectionId, sections.id))
    .where(and(eq(storyPaths.sectionSlug, sectionSlug), eq(storyPaths.slug, slug)));
  if (!known) return { kind: "missing" };
  if (known.currentSection && known.currentSlug) return { kind: "moved", sectionSlug: known.currentSection, slug: known.currentSlug };
  return { kind: "gone" };
}

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
