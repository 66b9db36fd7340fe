import "server-only";
import { eq, sql } from "drizzle-orm";
import { slugify } from "@/lib/slug";
import { db } from "../client";
import { stories, storyBylines } from "../schema";
import { freePageSlug, pageAddressProblem } from "./pages";
import { type EditableStory, freeSlug, isSlugTaken, loadEditableStory } from "./stories";
import { type RevisionReason, recordRevision } from "./story-revisions";
import { replaceStoryTags } from "./tags";

export type StoryDraft = {
  headline: string;
  dek: string;
  slug: string;
  slugLocked: boolean;
  sectionId: string | null;
  seoTitle: string;
  seoDescription: string;
  featuredImageId: string | null;
  featuredImageAlt: string;
  featuredImageCaption: string;
  featuredImageCredit: string;
  tags: string[];
  body: unknown;
  wordCount: number;
  /** Only when the saver may change bylines. */
  bylineIds?: string[];
};

export type SaveResult =
  | { kind: "saved"; revision: number; updatedAt: Date; slug: string }
  | { kind: "conflict"; current: EditableStory }
  | { kind: "missing" }
  | { kind: "invalid"; error: string };

/**
 * Saves a draft only if nobody saved since `baseRevision`: a stale save changes nothing and
 * gets the story as it now is, so the person can compare instead of overwriting.
 */
export async function saveStoryDraft(
  storyId: string,
  baseRevision: number,
  draft: StoryDraft,
  editorId: string,
  reason: RevisionReason,
): Promise<SaveResult> {
  return db().transaction(async (tx) => {
    const [locked] = await tx
      .select({ revision: stories.revision, status: stories.status, kind: stories.kind })
      .from(stories)
      .where(eq(stories.id, storyId))
      .for("update");
    if (!locked) return { kind: "missing" };
    if (locked.revision !== baseRevision) return { kind: "conflict", current: (await loadEditableStory(tx, storyId))! };
    // A page has no section, tags or featured image, whatever a request sends.
    if (locked.kind === "page") draft = { ...draft, sectionId: null, tags: [], featuredImageId: null };

    let slug = draft.slugLocked ? draft.slug : slugify(draft.headline);
    if (draft.slugLocked && slug && (await isSlugTaken(tx, slug, storyId))) {
      return { kind: "invalid", error: `The slug "${slug}" is already used by another story.` };
    }
    const addressProblem = locked.kind === "page" && draft.slugLocked && slug ? await pageAddressProblem(tx, slug) : null;
    if (addressProblem) return { kind: "invalid", error: addressProblem };
    if (!draft.slugLocked && slug) slug = locked.kind === "page" ? await freePageSlug(tx, slug, storyId) : await freeSlug(tx, slug, storyId);

    const [saved] = await tx
      .update(stories)
      .set({
        headline: draft.headline,
        dek: draft.dek,
        slug: slug || null,
        slugLocked: draft.slugLocked,
        sectionId: draft.sectionId,
        seoTitle: draft.seoTitle,
        seoDescription: draft.seoDescription,
        featuredImageId: draft.featuredImageId,
        featuredImageAlt: draft.featuredImageAlt,
        featuredImageCaption: draft.featuredImageCaption,
        featuredImageCredit: draft.featuredImageCredit,
        body: draft.body,
        wordCount: draft.wordCount,
        lastEditedBy: editorId,
        // Readers keep the live version until an editor publishes this one.
        ...(locked.status === "published" ? { pendingUpdate: true } : {}),
        revision: sql`${stories.revision} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(stories.id, storyId))
      .returning({ revision: stories.revision, updatedAt: stories.updatedAt });
    await replaceStoryTags(tx, storyId, draft.tags);
    if (draft.bylineIds) {
      await tx.delete(storyBylines).where(eq(storyBylines.storyId, storyId));
      await tx.insert(storyBylines).values(draft.bylineIds.map((userId, position) => ({ storyId, userId, position })));
    }
    await recordRevision(tx, (await loadEditableStory(tx, storyId))!, reason, editorId);
    return { kind: "saved", revision: saved.revision, updatedAt: saved.updatedAt, slug: slug ?? "" };
  });
}
