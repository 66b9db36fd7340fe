import "server-only";
import { type SQL, and, count, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { isMediaId } from "@/lib/media/file-names";
import type { MediaUsage } from "@/lib/media/usage";
import { type Transaction, db } from "../client";
import { media, publicStories, publication, stories, users } from "../schema";

export const LIBRARY_PAGE_SIZE = 50;

export type LibraryFilters = { words?: string; uploaderId?: string; page?: number };

export type LibraryItem = {
  id: string;
  originalName: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  createdAt: Date;
  uploadedBy: string | null;
  uploaderName: string | null;
};

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/**
 * One page of the library, newest first. Every word must appear in the alt text, caption, credit,
 * file name or uploader's name (in any of them, case-insensitive).
 */
export async function listLibrary(filters: LibraryFilters = {}): Promise<{ items: LibraryItem[]; total: number }> {
  const words = (filters.words ?? "").split(/\s+/).filter(Boolean).slice(0, 10);
  const conditions: (SQL | undefined)[] = words.map((word) => {
    const pattern = likePattern(word);
    return or(
      ilike(media.alt, pattern),
      ilike(media.caption, pattern),
      ilike(media.credit, pattern),
      ilike(media.originalName, pattern),
      ilike(users.displayName, pattern),
    );
  });
  if (filters.uploaderId) conditions.push(eq(media.uploadedBy, filters.uploaderId));
  const where = and(...conditions);
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const [items, [{ total }]] = await Promise.all([
    db()
      .select({
        id: media.id,
        originalName: media.originalName,
        width: media.width,
        height: media.height,
        bytes: media.bytes,
        alt: media.alt,
        caption: media.caption,
        credit: media.credit,
        createdAt: media.createdAt,
        uploadedBy: media.uploadedBy,
        uploaderName: users.displayName,
      })
      .from(media)
      .leftJoin(users, eq(media.uploadedBy, users.id))
      .where(where)
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(LIBRARY_PAGE_SIZE)
      .offset((page - 1) * LIBRARY_PAGE_SIZE),
    db().select({ total: count() }).from(media).leftJoin(users, eq(media.uploadedBy, users.id)).where(where),
  ]);
  return { items, total };
}

/** The people who have uploaded anything still in the library, for the uploader filter. */
export async function listUploaders(): Promise<{ id: string; displayName: string }[]> {
  return db()
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(sql`exists (select 1 from ${media} where ${media.uploadedBy} = ${users.id})`)
    .orderBy(users.displayName);
}

export type MediaDetails = { alt: string; caption: string; credit: string };

/** False when there is no such upload. */
export async function updateMediaDetails(id: string, details: MediaDetails): Promise<boolean> {
  const updated = await db().update(media).set(details).where(eq(media.id, id)).returning({ id: media.id });
  return updated.length > 0;
}

type BodyNode = { type?: string; attrs?: { src?: unknown }; content?: BodyNode[] };
const BODY_IMAGE_KINDS: Record<string, "body" | "gallery"> = { storyImage: "body", galleryImage: "gallery" };
const MEDIA_ID_IN_PATH = /^\/media\/([^/]+)\//;

/** Which uploads a story body shows, and whether as an image of its own or in a gallery. */
function bodyReferences(node: BodyNode | undefined, found: { id: string; kind: "body" | "gallery" }[] = []) {
  if (!node || typeof node !== "object") return found;
  const kind = node.type ? BODY_IMAGE_KINDS[node.type] : undefined;
  const id = kind && typeof node.attrs?.src === "string" ? MEDIA_ID_IN_PATH.exec(node.attrs.src)?.[1] : undefined;
  if (kind && id) found.push({ id, kind });
  if (Array.isArray(node.content)) node.content.forEach((child) => bodyReferences(child, found));
  return found;
}

/**
 * Everywhere each upload is shown: story bodies and galleries and featured images (the working
 * copy, and the live version readers see, which may still hold an image the draft dropped),
 * avatars, the logo and the default social image. Bodies are matched by their text first, so
 * only the stories that name one of the uploads are read.
 */
export async function mediaUsages(ids: readonly string[], tx: Transaction = db()): Promise<Map<string, MediaUsage[]>> {
  const wanted = [...new Set(ids.filter(isMediaId))];
  const usages = new Map<string, MediaUsage[]>(wanted.map((id) => [id, []]));
  if (wanted.length === 0) return usages;
  // The ids are uuids (checked above), so they are safe inside the pattern.
  const namedInBody = `/media/(${wanted.join("|")})/`;
  const working = await tx
    .select({ storyId: stories.id, headline: stories.headline, body: stories.body, featuredImageId: stories.featuredImageId })
    .from(stories)
    .where(or(sql`${stories.body}::text ~ ${namedInBody}`, inArray(stories.featuredImageId, wanted)))
    .orderBy(stories.headline, stories.id);
  const live = await tx
    .select({ storyId: publicStories.storyId, headline: publicStories.headline, body: publicStories.body, featuredImageId: publicStories.featuredImageId })
    .from(publicStories)
    .where(or(sql`${publicStories.body}::text ~ ${namedInBody}`, inArray(publicStories.featuredImageId, wanted)))
    .orderBy(publicStories.headline, publicStories.storyId);
  const people = await tx
    .select({ userId: users.id, name: users.displayName, mediaId: users.avatarMediaId })
    .from(users)
    .where(inArray(users.avatarMediaId, wanted))
    .orderBy(users.displayName);
  const [settings] = await tx.select({ logo: publication.logoMediaId, social: publication.socialImageMediaId }).from(publication);

  const seen = new Set<string>();
  const add = (id: string, usage: MediaUsage, key: string) => {
    if (!usages.has(id) || seen.has(`${id} ${key}`)) return;
    seen.add(`${id} ${key}`);
    usages.get(id)!.push(usage);
  };
  for (const [rows, isLive] of [[working, false], [live, true]] as const) {
    for (const story of rows) {
      const place = { storyId: story.storyId, headline: story.headline, live: isLive };
      if (story.featuredImageId) add(story.featuredImageId, { kind: "featured", ...place }, `featured ${story.storyId}`);
      for (const { id, kind } of bodyReferences(story.body as BodyNode)) add(id, { kind, ...place }, `${kind} ${story.storyId}`);
    }
  }
  for (const person of people) add(person.mediaId!, { kind: "avatar", userId: person.userId, name: person.name }, `avatar ${person.userId}`);
  if (settings?.logo) add(settings.logo, { kind: "logo" }, "logo");
  if (settings?.social) add(settings.social, { kind: "socialImage" }, "social");
  return usages;
}

export type DeleteOutcome = { deleted: true } | { deleted: false; usages: MediaUsage[] } | { deleted: false; missing: true };

/**
 * Deletes the upload's row unless something shows it; the caller then removes its files (a
 * failure there leaves files no row names, which `npm run media:clean` sweeps).
 */
export async function deleteMediaIfUnused(id: string): Promise<DeleteOutcome> {
  if (!isMediaId(id)) return { deleted: false, missing: true };
  return db().transaction(async (tx) => {
    const [row] = await tx.select({ id: media.id }).from(media).where(eq(media.id, id)).for("update");
    if (!row) return { deleted: false, missing: true };
    const usages = (await mediaUsages([id], tx)).get(id) ?? [];
    if (usages.length > 0) return { deleted: false, usages };
    await tx.delete(media).where(eq(media.id, id));
    return { deleted: true };
  });
}
