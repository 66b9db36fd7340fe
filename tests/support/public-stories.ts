import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { putStoryLive, type PublicNote } from "@/db/queries/live-stories";
import { replaceStoryTags } from "@/db/queries/tags";
import { sections, stories, storyBylines } from "@/db/schema";

export const unique = () => crypto.randomUUID().slice(0, 8);

export async function createSection(name = `Section ${unique()}`) {
  const [section] = await db().insert(sections).values({ name, slug: `section-${unique()}` }).returning();
  return section;
}

const paragraphs = (...texts: string[]) => ({
  type: "doc",
  content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

type StoryInput = {
  sectionId: string;
  authorIds: string[];
  headline?: string;
  dek?: string;
  text?: string;
  tags?: string[];
  status?: "published" | "draft" | "scheduled" | "in_review";
  publishedAt?: Date;
};

/** A story row as the desk would leave it; published ones are put live the way the workflow does. */
export async function createStory(input: StoryInput) {
  const headline = input.headline ?? `Harbour story ${unique()}`;
  const status = input.status ?? "published";
  const [story] = await db()
    .insert(stories)
    .values({
      headline,
      dek: input.dek ?? "A dek long enough to stand in for the SEO description of this story.",
      slug: `story-${unique()}`,
      body: paragraphs(input.text ?? "Dredgers arrived on Monday."),
      status,
      sectionId: input.sectionId,
      publishedAt: status === "published" ? (input.publishedAt ?? new Date()) : null,
      createdBy: input.authorIds[0],
    })
    .returning();
  await db().insert(storyBylines).values(input.authorIds.map((userId, position) => ({ storyId: story.id, userId, position })));
  if (input.tags) await db().transaction((tx) => replaceStoryTags(tx, story.id, input.tags!));
  if (status === "published") await db().transaction((tx) => putStoryLive(tx, story.id, { actorId: null }));
  return story;
}

/** A published update: new working copy fields, then live again (optionally with a public note). */
export async function publishUpdate(storyId: string, fields: Partial<typeof stories.$inferInsert>, note?: PublicNote) {
  await db().update(stories).set(fields).where(eq(stories.id, storyId));
  await db().transaction((tx) => putStoryLive(tx, storyId, { actorId: null, note }));
}
