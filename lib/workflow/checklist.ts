import type { EditableStory } from "@/db/queries/stories";

type BodyNode = { type?: string; attrs?: Record<string, unknown>; content?: BodyNode[] };

/** How many nodes of a type leave a text attribute blank. */
function missingText(node: BodyNode | undefined, type: string, attribute: string): number {
  if (!node) return 0;
  const value = node.attrs?.[attribute];
  const own = node.type === type && !(typeof value === "string" && value.trim()) ? 1 : 0;
  return own + (node.content ?? []).reduce((sum, child) => sum + missingText(child, type, attribute), 0);
}

/** What the product rules require before a story goes to review: each missing item, in words. */
type ChecklistStory = Pick<
  EditableStory,
  "headline" | "dek" | "sectionId" | "bylines" | "body" | "featuredImageId" | "featuredImageAlt"
> & { kind?: EditableStory["kind"] };
type PublishChecklistStory = ChecklistStory & Pick<EditableStory, "slug" | "seoDescription">;

export const SEO_DESCRIPTION_RANGE = { min: 50, max: 160 } as const;

export function submitChecklist(story: ChecklistStory): string[] {
  const missing: string[] = [];
  // A standing page has no section, needs no dek and shows no bylines.
  const isStory = story.kind !== "page";
  if (!story.headline.trim()) missing.push("Add a headline.");
  if (isStory && !story.dek.trim()) missing.push("Add a dek.");
  if (isStory && !story.sectionId) missing.push("Choose a section.");
  if (isStory && story.bylines.length === 0) missing.push("Add at least one byline.");
  if (story.featuredImageId && !story.featuredImageAlt.trim()) missing.push("Add alt text to the featured image.");
  const withoutAlt = missingText(story.body as BodyNode, "storyImage", "alt") + missingText(story.body as BodyNode, "galleryImage", "alt");
  if (withoutAlt > 0) missing.push(`Add alt text to ${withoutAlt === 1 ? "the image" : `${withoutAlt} images`} in the body.`);
  const withoutCaption = missingText(story.body as BodyNode, "table", "caption");
  if (withoutCaption > 0) missing.push(`Add a caption to ${withoutCaption === 1 ? "the table" : `${withoutCaption} tables`} in the body.`);
  return missing;
}

/** Before a story may be approved or go live: the submit checklist, a slug, and a search snippet. */
export function publishChecklist(story: PublishChecklistStory): string[] {
  const missing = submitChecklist(story);
  if (!story.slug.trim()) missing.push(`Give the ${story.kind ?? "story"} a slug.`);
  const { min, max } = SEO_DESCRIPTION_RANGE;
  const fits = (text: string) => text.trim().length >= min && text.trim().length <= max;
  if (!fits(story.seoDescription) && !fits(story.dek)) {
    missing.push(`Write an SEO description of ${min}–${max} characters (or a dek of that length).`);
  }
  return missing;
}
