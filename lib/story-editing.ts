import { z } from "zod";
import type { EditableStory } from "@/db/queries/stories";
import { SLUG_PATTERN } from "./slug";

/** The editable parts of a story as the editor sends them. */
export const storyDraftInput = z.strictObject({
  headline: z.string().max(300, "Keep the headline under 300 characters."),
  dek: z.string().max(600, "Keep the dek under 600 characters."),
  slug: z
    .string()
    .max(100, "Keep the slug under 100 characters.")
    .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), "Use only lowercase letters, digits and single hyphens in the slug."),
  slugLocked: z.boolean(),
  sectionId: z.uuid("Choose a section from the list.").nullable(),
  seoTitle: z.string().max(120, "Keep the SEO title under 120 characters."),
  seoDescription: z.string().max(320, "Keep the SEO description under 320 characters."),
  tags: z.array(z.string().max(60, "Keep each tag under 60 characters.")).max(30, "Use at most 30 tags."),
  bylineIds: z.array(z.uuid()).min(1, "A story needs at least one byline.").max(10).optional(),
  featuredImageId: z.uuid("Upload the featured image again.").nullable(),
  featuredImageAlt: z.string().max(500, "Keep the alt text under 500 characters."),
  featuredImageCaption: z.string().max(1000, "Keep the caption under 1,000 characters."),
  featuredImageCredit: z.string().max(200, "Keep the credit under 200 characters."),
  body: z.unknown(),
});

export type StoryDraftInput = z.infer<typeof storyDraftInput>;

export const saveStoryInput = z.strictObject({
  storyId: z.uuid("Unknown story."),
  baseRevision: z.number().int().positive(),
  explicit: z.boolean(),
  draft: storyDraftInput,
});

/** The workflow steps the desk offers so far; scheduling and publishing come with their own effects. */
export const OFFERED_TRANSITIONS = ["submit", "withdraw", "requestChanges", "approve"] as const;
export type OfferedTransition = (typeof OFFERED_TRANSITIONS)[number];

export const transitionInput = z.strictObject({
  storyId: z.uuid("Unknown story."),
  name: z.enum(OFFERED_TRANSITIONS),
  baseRevision: z.number().int().positive(),
  note: z.string().max(2000, "Keep the note under 2,000 characters.").optional(),
});

/** The snapshot of a story's other fields kept with each revision (db/queries/story-revisions.ts). */
export const revisionFields = z.object({
  slug: z.string().default(""),
  sectionId: z.string().nullable().default(null),
  seoTitle: z.string().default(""),
  seoDescription: z.string().default(""),
  tags: z.array(z.string()).default([]),
  bylineIds: z.array(z.string()).default([]),
  featuredImageId: z.string().nullable().default(null),
  featuredImageAlt: z.string().default(""),
  featuredImageCaption: z.string().default(""),
  featuredImageCredit: z.string().default(""),
});

/** A story as the browser editor holds it (dates as strings, so it crosses the wire intact). */
export type ClientStory = Omit<EditableStory, "updatedAt"> & { updatedAt: string };

export function toClientStory(story: EditableStory): ClientStory {
  return { ...story, updatedAt: story.updatedAt.toISOString() };
}

export type SaveResponse =
  | { kind: "saved"; revision: number; savedAt: string; slug: string }
  | { kind: "conflict"; current: ClientStory }
  | { kind: "error"; error: string };
