import { z } from "@/lib/zod";
import type { EditableStory } from "@/db/queries/stories";
import { SLUG_PATTERN, SLUG_RULE } from "./slug";

/** The editable parts of a story as the editor sends them. */
export const storyDraftInput = z.strictObject({
  headline: z.string().max(300, "Keep the headline under 300 characters."),
  dek: z.string().max(600, "Keep the dek under 600 characters."),
  slug: z
    .string()
    .max(100, "Keep the slug under 100 characters.")
    .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), `Use only ${SLUG_RULE} in the slug.`),
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

/** Every step a person can take from the desk; the scheduler's own publish is not among them. */
export const OFFERED_TRANSITIONS = [
  "submit",
  "withdraw",
  "requestChanges",
  "approve",
  "schedule",
  "unschedule",
  "publishNow",
  "publishUpdate",
  "unpublish",
  "republish",
] as const;
export type OfferedTransition = (typeof OFFERED_TRANSITIONS)[number];

const NOTE_LIMIT = 2000;

export const transitionInput = z.strictObject({
  storyId: z.uuid("Unknown story."),
  name: z.enum(OFFERED_TRANSITIONS, "Unknown workflow step."),
  baseRevision: z.number().int().positive(),
  note: z.string().max(NOTE_LIMIT, "Keep the note under 2,000 characters.").optional(),
  /** Schedule: the wall-clock time in the publication's timezone, as a datetime-local field gives it. */
  publishAt: z.string().max(40, "Enter the date and time as shown.").optional(),
  /** Publish update: an optional public correction or update note. */
  publicNote: z
    .strictObject({
      kind: z.enum(["correction", "update"], "Choose Correction or Update."),
      note: z.string().trim().min(1, "Write the text of the note.").max(NOTE_LIMIT, "Keep the note under 2,000 characters."),
    })
    .optional(),
});

export type TransitionInput = z.infer<typeof transitionInput>;

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
export type ClientStory = Omit<EditableStory, "updatedAt" | "publishAt" | "publishedAt"> & {
  updatedAt: string;
  publishAt: string | null;
  publishedAt: string | null;
};

export function toClientStory(story: EditableStory): ClientStory {
  return {
    ...story,
    updatedAt: story.updatedAt.toISOString(),
    publishAt: story.publishAt?.toISOString() ?? null,
    publishedAt: story.publishedAt?.toISOString() ?? null,
  };
}

export type SaveResponse =
  | { kind: "saved"; revision: number; savedAt: string; slug: string }
  | { kind: "conflict"; current: ClientStory }
  | { kind: "error"; error: string };
