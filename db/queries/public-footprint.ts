import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { publicPages, publicStories, publicStoryBylines, publicStoryTags } from "../schema";

/**
 * Where a live story shows beyond its own page: its section, authors and tags; a live standing page
 * shows in every page's footer. Null when it isn't live.
 */
export type StoryFootprint = { kind: "story"; sectionId: string; authorIds: string[]; tagIds: string[] } | { kind: "page" };

export async function liveStoryFootprint(storyId: string): Promise<StoryFootprint | null> {
  const [live] = await db().select({ sectionId: publicStories.sectionId }).from(publicStories).where(eq(publicStories.storyId, storyId));
  if (!live) {
    const [page] = await db().select({ id: publicPages.storyId }).from(publicPages).where(eq(publicPages.storyId, storyId));
    return page ? { kind: "page" } : null;
  }
  const [authors, tags] = await Promise.all([
    db().select({ id: publicStoryBylines.userId }).from(publicStoryBylines).where(eq(publicStoryBylines.storyId, storyId)),
    db().select({ id: publicStoryTags.tagId }).from(publicStoryTags).where(eq(publicStoryTags.storyId, storyId)),
  ]);
  return { kind: "story", sectionId: live.sectionId, authorIds: authors.map((row) => row.id), tagIds: tags.map((row) => row.id) };
}
