import "server-only";
import { type SQL, and, asc, desc, eq, ilike, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { StoryScope } from "@/lib/policy";
import { db, type Transaction } from "../client";
import { displaySrc } from "@/lib/media/file-names";
import { type StoryKind, type StoryStatus, media, sections, stories, storyBylines, users } from "../schema";
import { storyTagNames } from "./tags";

export type Byline = { id: string; displayName: string };

export type EditableStory = {
  id: string;
  kind: StoryKind;
  status: StoryStatus;
  revision: number;
  headline: string;
  dek: string;
  slug: string;
  slugLocked: boolean;
  sectionId: string | null;
  seoTitle: string;
  seoDescription: string;
  featuredImageId: string | null;
  /** Where the editor shows the featured image from; null when there is none. */
  featuredImageSrc: string | null;
  featuredImageAlt: string;
  featuredImageCaption: string;
  featuredImageCredit: string;
  body: unknown;
  tags: string[];
  bylines: Byline[];
  wordCount: number;
  updatedAt: Date;
  lastEditedBy: string | null;
  /** When a scheduled story goes live. */
  publishAt: Date | null;
  /** When it first went live. */
  publishedAt: Date | null;
  /** A published story whose working copy has edits readers do not see yet. */
  pendingUpdate: boolean;
};

export async function loadBylines(tx: Transaction, storyId: string): Promise<Byline[]> {
  return tx
    .select({ id: users.id, displayName: users.displayName })
    .from(storyBylines)
    .innerJoin(users, eq(storyBylines.userId, users.id))
    .where(eq(storyBylines.storyId, storyId))
    .orderBy(asc(storyBylines.position));
}

/** What the policy needs to decide about a story, or undefined if there is no such story. */
export async function findStoryScope(id: string): Promise<StoryScope | undefined> {
  const [story] = await db()
    .select({ status: stories.status, firstSubmittedAt: stories.firstSubmittedAt })
    .from(stories)
    .where(eq(stories.id, id));
  if (!story) return undefined;
  const bylines = await db().select({ userId: storyBylines.userId }).from(storyBylines).where(eq(storyBylines.storyId, id));
  return { status: story.status, bylineIds: bylines.map((byline) => byline.userId), everSubmitted: story.firstSubmittedAt !== null };
}

export async function loadEditableStory(tx: Transaction, id: string): Promise<EditableStory | undefined> {
  const editor = sql<string | null>`(SELECT display_name FROM users WHERE users.id = ${stories.lastEditedBy})`;
  const [story] = await tx
    .select({
      id: stories.id,
      kind: stories.kind,
      status: stories.status,
      revision: stories.revision,
      headline: stories.headline,
      dek: stories.dek,
      slug: stories.slug,
      slugLocked: stories.slugLocked,
      sectionId: stories.sectionId,
      seoTitle: stories.seoTitle,
      seoDescription: stories.seoDescription,
      featuredImageId: stories.featuredImageId,
      featuredImageWidth: media.width,
      featuredImageAlt: stories.featuredImageAlt,
      featuredImageCaption: stories.featuredImageCaption,
      featuredImageCredit: stories.featuredImageCredit,
      body: stories.body,
      wordCount: stories.wordCount,
      updatedAt: stories.updatedAt,
      lastEditedBy: editor,
      publishAt: stories.publishAt,
      publishedAt: stories.publishedAt,
      pendingUpdate: stories.pendingUpdate,
    })
    .from(stories)
    .leftJoin(media, eq(stories.featuredImageId, media.id))
    .where(eq(stories.id, id));
  if (!story) return undefined;
  const { featuredImageWidth, ...fields } = story;
  return {
    ...fields,
    featuredImageSrc: story.featuredImageId && featuredImageWidth ? displaySrc(story.featuredImageId, featuredImageWidth) : null,
    slug: story.slug ?? "",
    tags: await storyTagNames(tx, id),
    bylines: await loadBylines(tx, id),
  };
}

export async function getEditableStory(id: string) {
  return loadEditableStory(db(), id);
}

/** A new draft with its creator as the only byline (for a page, what makes it theirs to edit). */
export async function createDraft(authorId: string, kind: StoryKind = "story"): Promise<string> {
  return db().transaction(async (tx) => {
    const [story] = await tx
      .insert(stories)
      .values({ kind, createdBy: authorId, lastEditedBy: authorId, body: { type: "doc", content: [{ type: "paragraph" }] } })
      .returning({ id: stories.id });
    await tx.insert(storyBylines).values({ storyId: story.id, userId: authorId, position: 0 });
    return story.id;
  });
}

export const DESK_SORTS = {
  edited: "Last edited",
  oldest: "Least recently edited",
  headline: "Headline A–Z",
  published: "Published, newest first",
} as const;
export type DeskSort = keyof typeof DESK_SORTS;

export type DeskListFilters = { kind?: StoryKind; status?: StoryStatus; sectionId?: string; authorId?: string; text?: string; sort?: DeskSort };

const ORDER: Record<DeskSort, SQL[]> = {
  edited: [desc(stories.updatedAt)],
  oldest: [asc(stories.updatedAt)],
  headline: [asc(sql`lower(${stories.headline})`), desc(stories.updatedAt)],
  published: [sql`${stories.publishedAt} DESC NULLS LAST`, desc(stories.updatedAt)],
};

/** Writers see the stories they are a byline on; the desk (editors, admins) sees all. */
export async function listDeskStories(scope: { userId: string; everyone: boolean }, filters: DeskListFilters = {}) {
  const bylineOf = (userId: string) =>
    sql`${stories.id} IN (SELECT ${storyBylines.storyId} FROM ${storyBylines} WHERE ${storyBylines.userId} = ${userId})`;
  // Matches the words anywhere in the headline or dek; % and _ are literal here.
  const pattern = filters.text && `%${filters.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const conditions = [
    eq(stories.kind, filters.kind ?? "story"),
    scope.everyone ? undefined : bylineOf(scope.userId),
    filters.status ? eq(stories.status, filters.status) : undefined,
    filters.sectionId ? eq(stories.sectionId, filters.sectionId) : undefined,
    filters.authorId ? bylineOf(filters.authorId) : undefined,
    pattern ? or(ilike(stories.headline, pattern), ilike(stories.dek, pattern)) : undefined,
  ];
  const rows = await db()
    .select({
      id: stories.id,
      headline: stories.headline,
      slug: stories.slug,
      status: stories.status,
      sectionName: sections.name,
      updatedAt: stories.updatedAt,
      publishedAt: stories.publishedAt,
      wordCount: stories.wordCount,
    })
    .from(stories)
    .leftJoin(sections, eq(stories.sectionId, sections.id))
    .where(and(...conditions))
    .orderBy(...ORDER[filters.sort ?? "edited"])
    .limit(200);
  const bylines = await bylinesByStory(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, bylines: (bylines.get(row.id) ?? []).map((byline) => byline.displayName) }));
}

/** Each story's bylines in print order, for lists of stories. */
export async function bylinesByStory(storyIds: string[]): Promise<Map<string, { id: string; displayName: string; slug: string }[]>> {
  const byStory = new Map<string, { id: string; displayName: string; slug: string }[]>();
  if (storyIds.length === 0) return byStory;
  const rows = await db()
    .select({ storyId: storyBylines.storyId, id: users.id, displayName: users.displayName, slug: users.slug })
    .from(storyBylines)
    .innerJoin(users, eq(storyBylines.userId, users.id))
    .where(inArray(storyBylines.storyId, storyIds))
    .orderBy(asc(storyBylines.position));
  for (const { storyId, ...byline } of rows) byStory.set(storyId, [...(byStory.get(storyId) ?? []), byline]);
  return byStory;
}

/** The slug itself if free, else the first free "-2", "-3"… variant. */
export async function freeSlug(tx: Transaction, wanted: string, storyId: string): Promise<string> {
  const taken = await tx
    .select({ slug: stories.slug })
    .from(stories)
    .where(and(ne(stories.id, storyId), sql`(${stories.slug} = ${wanted} OR ${stories.slug} LIKE ${`${wanted}-%`})`));
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

export async function isSlugTaken(tx: Transaction, slug: string, storyId: string): Promise<boolean> {
  const [row] = await tx.select({ id: stories.id }).from(stories).where(and(eq(stories.slug, slug), ne(stories.id, storyId)));
  return Boolean(row);
}

/** Deletes a draft only while it is still one nobody submitted (re-checked here, under the delete). */
export async function deleteUnsubmittedDraft(id: string): Promise<boolean> {
  const deleted = await db()
    .delete(stories)
    .where(and(eq(stories.id, id), eq(stories.status, "draft"), isNull(stories.firstSubmittedAt)))
    .returning({ id: stories.id });
  return deleted.length === 1;
}
