import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "../client";
import { sections, storyCorrections } from "../schema";
import { findMedia, placedImage } from "./media";
import type { PublicCorrection } from "./public-stories";
import { bylinesByStory } from "./stories";

/**
 * What a preview shows besides the working copy's own fields, read from the working tables (never
 * public_stories, which holds only what readers see now): the section, the featured image's
 * size, the bylines' author pages and the notes already published with the story.
 */
export async function storyPreviewParts(story: { id: string; sectionId: string | null; featuredImageId: string | null }) {
  const [[section], image, bylines, corrections] = await Promise.all([
    story.sectionId ? db().select({ slug: sections.slug, name: sections.name }).from(sections).where(eq(sections.id, story.sectionId)) : [],
    story.featuredImageId ? findMedia(story.featuredImageId) : undefined,
    bylinesByStory([story.id]),
    db()
      .select({ id: storyCorrections.id, kind: storyCorrections.kind, note: storyCorrections.note, publishedAt: storyCorrections.publishedAt })
      .from(storyCorrections)
      .where(eq(storyCorrections.storyId, story.id))
      .orderBy(asc(storyCorrections.publishedAt)),
  ]);
  return {
    section: section ?? null,
    image: image ? placedImage(image.id, image.width, image.height) : null,
    bylines: bylines.get(story.id) ?? [],
    corrections: corrections satisfies PublicCorrection[],
  };
}
