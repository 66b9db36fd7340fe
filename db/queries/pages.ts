import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { isReservedSectionSlug } from "@/lib/reserved-paths";
import { renderStoryBodyHtml } from "@/lib/story-body/render";
import { parseStoryBody } from "@/lib/story-body/validate";
import { db, type Transaction } from "../client";
import { publicPages, sections, stories } from "../schema";
import { bumpPublicVersion } from "./live-stories";
import { freeSlug } from "./stories";

/**
 * Why a standing page may not live at /<slug>, in words, or null if it may: the address belongs
 * to the app itself or to a section (whose front would hide the page).
 */
export async function pageAddressProblem(tx: Transaction, slug: string): Promise<string | null> {
  if (isReservedSectionSlug(slug)) return `“/${slug}” is an address the site already uses. Choose another slug for the page.`;
  const [section] = await tx.select({ name: sections.name }).from(sections).where(eq(sections.slug, slug));
  return section ? `The section “${section.name}” already lives at “/${slug}”. Choose another slug for the page.` : null;
}

/** The page's headline slug, or the first "-2", "-3"… variant no story, page, section or app address has. */
export async function freePageSlug(tx: Transaction, wanted: string, storyId: string): Promise<string> {
  let slug = await freeSlug(tx, wanted, storyId);
  for (let n = 2; await pageAddressProblem(tx, slug); n++) slug = await freeSlug(tx, `${wanted}-${n}`, storyId);
  return slug;
}

/** The page (of any status) that would be hidden by a section at /<slug>, by headline. */
export async function pageUsingSlug(slug: string): Promise<string | null> {
  const [page] = await db()
    .select({ headline: stories.headline })
    .from(stories)
    .where(and(eq(stories.kind, "page"), eq(stories.slug, slug)));
  return page ? page.headline || "Untitled page" : null;
}

/**
 * Makes a page's working copy its live version. Like putStoryLive, call it inside the publishing
 * transition, after stories.published_at has been set; the footer place is kept across updates.
 */
export async function putPageLive(tx: Transaction, storyId: string): Promise<void> {
  const [page] = await tx.select().from(stories).where(eq(stories.id, storyId));
  if (!page?.slug || !page.publishedAt) {
    throw new Error(`Page ${storyId} has no slug or publication time; the publish checklist should have caught it.`);
  }
  const parsed = parseStoryBody(page.body);
  if (!parsed.ok) throw new Error(`Page ${storyId} has an invalid body: ${parsed.error}`);
  const [previous] = await tx.select({ storyId: publicPages.storyId }).from(publicPages).where(eq(publicPages.storyId, storyId));
  const live = {
    slug: page.slug,
    headline: page.headline,
    dek: page.dek,
    bodyHtml: renderStoryBodyHtml(parsed.doc),
    seoTitle: page.seoTitle,
    seoDescription: page.seoDescription,
    publishedAt: page.publishedAt,
    updatedAt: previous ? new Date() : null,
    liveRevision: page.revision,
  };
  const last = sql<number>`(SELECT coalesce(max(${publicPages.footerPosition}), -1) + 1 FROM ${publicPages})`;
  await tx
    .insert(publicPages)
    .values({ storyId, ...live, footerPosition: last })
    .onConflictDoUpdate({ target: publicPages.storyId, set: live });
  // Once live, the address no longer follows headline edits.
  await tx.update(stories).set({ slugLocked: true, pendingUpdate: false }).where(eq(stories.id, storyId));
  await bumpPublicVersion(tx);
}

/** Unpublish: the page leaves its address and the footer at once. */
export async function takePageDown(tx: Transaction, storyId: string): Promise<void> {
  await tx.delete(publicPages).where(eq(publicPages.storyId, storyId));
  await bumpPublicVersion(tx);
}

/** Live pages in footer order, for the admins' ordering screen. */
export async function listFooterPages(): Promise<{ id: string; slug: string; headline: string }[]> {
  return db()
    .select({ id: publicPages.storyId, slug: publicPages.slug, headline: publicPages.headline })
    .from(publicPages)
    .orderBy(asc(publicPages.footerPosition), asc(publicPages.headline));
}

/** Swaps a live page with its neighbour above or below in the footer. */
export async function moveFooterPage(storyId: string, direction: "up" | "down"): Promise<boolean> {
  return db().transaction(async (tx) => {
    const ordered = await tx
      .select({ id: publicPages.storyId })
      .from(publicPages)
      .orderBy(asc(publicPages.footerPosition), asc(publicPages.headline))
      .for("update");
    const index = ordered.findIndex((page) => page.id === storyId);
    if (index === -1) return false;
    const other = index + (direction === "up" ? -1 : 1);
    if (other < 0 || other >= ordered.length) return true;
    [ordered[index], ordered[other]] = [ordered[other], ordered[index]];
    for (const [footerPosition, page] of ordered.entries()) {
      await tx.update(publicPages).set({ footerPosition }).where(eq(publicPages.storyId, page.id));
    }
    await bumpPublicVersion(tx);
    return true;
  });
}
