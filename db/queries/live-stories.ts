import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { renderStoryBodyHtml } from "@/lib/story-body/render";
import { storyBodyText, storyWordCount } from "@/lib/story-body/text";
import { parseStoryBody } from "@/lib/story-body/validate";
import { db, type Transaction } from "../client";
import { currentSearchConfig } from "./publication";
import {
  type CorrectionKind,
  publication,
  publicStories,
  publicStoryBylines,
  publicStoryTags,
  sections,
  stories,
  storyBylines,
  storyCorrections,
  storyPaths,
  storyTags,
} from "../schema";

export type PublicNote = { kind: CorrectionKind; note: string };

/** Public caches key on this version; call it in every transaction that changes what readers see. */
export async function bumpPublicVersion(tx: Transaction): Promise<void> {
  await tx.update(publication).set({ publicVersion: sql`${publication.publicVersion} + 1` });
}

/**
 * Makes a story's working copy its live version: the public row, its bylines and tags, its
 * address (old addresses stay in story_paths and redirect) and an optional correction note.
 * Call it inside the publishing transition, after stories.published_at has been set.
 */
export async function putStoryLive(
  tx: Transaction,
  storyId: string,
  options: { actorId: string | null; note?: PublicNote | null },
): Promise<void> {
  const [story] = await tx
    .select({ story: stories, sectionSlug: sections.slug })
    .from(stories)
    .innerJoin(sections, eq(stories.sectionId, sections.id))
    .where(eq(stories.id, storyId));
  const slug = story?.story.slug;
  const publishedAt = story?.story.publishedAt;
  if (!story || !slug || !publishedAt) {
    throw new Error(`Story ${storyId} has no section, slug or publication time; the publish checklist should have caught it.`);
  }
  const { story: working, sectionSlug } = story;
  const parsed = parseStoryBody(working.body);
  if (!parsed.ok) throw new Error(`Story ${storyId} has an invalid body: ${parsed.error}`);

  const [previous] = await tx.select({ storyId: publicStories.storyId }).from(publicStories).where(eq(publicStories.storyId, storyId));
  const live = {
    sectionId: working.sectionId!,
    slug,
    headline: working.headline,
    dek: working.dek,
    body: parsed.doc,
    bodyHtml: renderStoryBodyHtml(parsed.doc),
    bodyText: storyBodyText(parsed.doc).join("\n"),
    wordCount: storyWordCount(parsed.doc),
    seoTitle: working.seoTitle,
    seoDescription: working.seoDescription,
    featuredImageId: working.featuredImageId,
    featuredImageAlt: working.featuredImageAlt,
    featuredImageCaption: working.featuredImageCaption,
    featuredImageCredit: working.featuredImageCredit,
    publishedAt,
    updatedAt: previous ? new Date() : null,
    liveRevision: working.revision,
    // Indexed in the language search currently uses (see updatePublication).
    searchConfig: currentSearchConfig,
  };
  await tx
    .insert(publicStories)
    .values({ storyId, ...live })
    .onConflictDoUpdate({ target: publicStories.storyId, set: live });

  await tx.delete(publicStoryBylines).where(eq(publicStoryBylines.storyId, storyId));
  await tx.delete(publicStoryTags).where(eq(publicStoryTags.storyId, storyId));
  const bylines = await tx.select().from(storyBylines).where(eq(storyBylines.storyId, storyId)).orderBy(asc(storyBylines.position));
  if (bylines.length > 0) await tx.insert(publicStoryBylines).values(bylines);
  const tagRows = await tx.select().from(storyTags).where(eq(storyTags.storyId, storyId)).orderBy(asc(storyTags.position));
  if (tagRows.length > 0) await tx.insert(publicStoryTags).values(tagRows);

  // An address once given to readers is never reused silently: it now points at this story.
  await tx
    .insert(storyPaths)
    .values({ sectionSlug, slug, storyId })
    .onConflictDoUpdate({ target: [storyPaths.sectionSlug, storyPaths.slug], set: { storyId, createdAt: new Date() } });
  // Once live, the address no longer follows headline edits.
  await tx.update(stories).set({ slugLocked: true, pendingUpdate: false }).where(eq(stories.id, storyId));

  if (options.note) {
    await tx.insert(storyCorrections).values({ storyId, kind: options.note.kind, note: options.note.note, createdBy: options.actorId });
  }
  await bumpPublicVersion(tx);
}

/** Unpublish: the story leaves every public list at once; its addresses then answer 410. */
export async function takeStoryDown(tx: Transaction, storyId: string): Promise<void> {
  await tx.delete(publicStories).where(eq(publicStories.storyId, storyId));
  await bumpPublicVersion(tx);
}

/**
 * Published stories without a live version: rows written by the demo seed, or by a version of
 * Masthead from before public_stories. Run at start-up, before the first reader arrives.
 */
export async function bringPublishedStoriesLive(): Promise<number> {
  const missing = await db()
    .select({ id: stories.id })
    .from(stories)
    .leftJoin(publicStories, eq(publicStories.storyId, stories.id))
    .where(and(eq(stories.kind, "story"), eq(stories.status, "published"), isNull(publicStories.storyId)));
  for (const story of missing) {
    await db().transaction((tx) => putStoryLive(tx, story.id, { actorId: null }));
  }
  return missing.length;
}
