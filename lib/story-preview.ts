import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { StoryPageStory } from "@/components/public/story-page";
import { storyPreviewParts } from "@/db/queries/story-preview";
import type { EditableStory } from "@/db/queries/stories";
import { normalizeTagNames } from "@/db/queries/tags";
import { renderStoryBodyHtml } from "./story-body/render";

/**
 * A story's saved version in the shape of the public story page, rendered by the same renderer
 * readers get at publish time. Fields readers would only get on publishing stay empty: a story
 * never published has no publication time (the page says when it is scheduled, or that it is not
 * yet published), and "Updated" appears only once an update goes out.
 */
export async function storyPreview(story: EditableStory): Promise<StoryPageStory> {
  const { section, image, bylines, corrections } = await storyPreviewParts(story);
  return {
    id: story.id,
    headline: story.headline || "Untitled story",
    dek: story.dek,
    slug: story.slug,
    sectionId: story.sectionId ?? "",
    sectionSlug: section?.slug ?? "",
    sectionName: section?.name ?? "",
    publishedAt: story.publishedAt,
    publishAt: story.status === "scheduled" ? story.publishAt : null,
    updatedAt: null,
    image: image && {
      ...image,
      alt: story.featuredImageAlt,
      caption: story.featuredImageCaption,
      credit: story.featuredImageCredit,
    },
    // A standing page shows no bylines, as readers see it.
    bylines: story.kind === "page" ? [] : bylines,
    // Stored bodies passed parseStoryBody when they were saved.
    bodyHtml: renderStoryBodyHtml(story.body as JSONContent),
    wordCount: story.wordCount,
    seoTitle: story.seoTitle,
    seoDescription: story.seoDescription,
    tags: normalizeTagNames(story.tags).map((tag) => ({ id: tag.slug, ...tag })),
    corrections,
  };
}
