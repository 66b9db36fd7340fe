import "server-only";
import { and, asc, eq, exists } from "drizzle-orm";
import { db } from "../client";
import { media, publicStories, publicStoryBylines, publicStoryTags, sections, tags, users } from "../schema";
import { type PlacedImage, placedImage } from "./media";

export type PublicSection = { id: string; name: string; slug: string; description: string };

/** Sections in navigation order; hidden ones keep their pages but stay out of navigation and the home page. */
export async function listPublicSections(): Promise<(PublicSection & { hidden: boolean })[]> {
  return db()
    .select({ id: sections.id, name: sections.name, slug: sections.slug, description: sections.description, hidden: sections.hidden })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

export async function sectionBySlug(slug: string): Promise<PublicSection | null> {
  const [row] = await db()
    .select({ id: sections.id, name: sections.name, slug: sections.slug, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug));
  return row ?? null;
}

export type PublicAuthor = { id: string; displayName: string; slug: string; bio: string; avatar: PlacedImage | null };

/** Only people with at least one public story have an author page: the staff list is not public. */
export async function authorBySlug(slug: string): Promise<PublicAuthor | null> {
  const [row] = await db()
    .select({
      id: users.id,
      displayName: users.displayName,
      slug: users.slug,
      bio: users.bio,
      avatarId: users.avatarMediaId,
      avatarWidth: media.width,
      avatarHeight: media.height,
    })
    .from(users)
    .leftJoin(media, eq(users.avatarMediaId, media.id))
    .where(
      and(
        eq(users.slug, slug),
        exists(db().select({ one: publicStoryBylines.storyId }).from(publicStoryBylines).where(eq(publicStoryBylines.userId, users.id))),
      ),
    );
  if (!row) return null;
  const { avatarId, avatarWidth, avatarHeight, ...author } = row;
  return { ...author, avatar: placedImage(avatarId, avatarWidth, avatarHeight) };
}

/** Only tags on at least one public story have a page. */
export async function tagBySlug(slug: string): Promise<{ id: string; name: string; slug: string } | null> {
  const [row] = await db()
    .select({ id: tags.id, name: tags.name, slug: tags.slug })
    .from(tags)
    .where(
      and(
        eq(tags.slug, slug),
        exists(
          db()
            .select({ one: publicStoryTags.storyId })
            .from(publicStoryTags)
            .innerJoin(publicStories, eq(publicStories.storyId, publicStoryTags.storyId))
            .where(eq(publicStoryTags.tagId, tags.id)),
        ),
      ),
    );
  return row ?? null;
}
