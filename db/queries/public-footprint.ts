import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { publicStories, publicStoryBylines, publicStoryTags } from "../schema";

/** Where a live story shows beyond its own page: its section, authors and tags. Null when it isn't live. */
export type StoryFootprint = { sectionId: string; authorIds: string[]; tagIds: string[] };

export async function liveStoryFootprint(storyId: string): Promise<StoryFootprint | null> {
  const [live] = await db().select({ sectionId: publicStories.sectionId }).from(publicStories).where(eq(publicStories.storyId, storyId));
  if (!live) return null;
  const [authors, tags] = await Promise.all([
    db().select({ id: publicStoryBylines.userId }).from(publicStoryBylines).where(eq(publicStoryBylines.storyId, storyId)),
    db().select({ id: publicStoryTags.tagId }).from(publicStoryTags).where(eq(publicStoryTags.storyId, storyId)),
  ]);
  return { sectionId: live.sectionId, authorIds: authors.map((row) => row.id), tagIds: tags.map((row) => row.id) };
}
