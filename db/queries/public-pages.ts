import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "../client";
import { publicPages } from "../schema";

// Like public-stories.ts: only live versions, for the public, without a session.

export type PublicPage = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  bodyHtml: string;
  seoTitle: string;
  seoDescription: string;
  publishedAt: Date;
  updatedAt: Date | null;
};

export async function publicPageBySlug(slug: string): Promise<PublicPage | null> {
  const [page] = await db()
    .select({
      id: publicPages.storyId,
      slug: publicPages.slug,
      headline: publicPages.headline,
      dek: publicPages.dek,
      bodyHtml: publicPages.bodyHtml,
      seoTitle: publicPages.seoTitle,
      seoDescription: publicPages.seoDescription,
      publishedAt: publicPages.publishedAt,
      updatedAt: publicPages.updatedAt,
    })
    .from(publicPages)
    .where(eq(publicPages.slug, slug));
  return page ?? null;
}

export type PageLink = { slug: string; headline: string; publishedAt: Date; updatedAt: Date | null };

/** Every live page in the admins' footer order: the footer's links and the sitemap's entries. */
export async function listPublicPages(): Promise<PageLink[]> {
  return db()
    .select({ slug: publicPages.slug, headline: publicPages.headline, publishedAt: publicPages.publishedAt, updatedAt: publicPages.updatedAt })
    .from(publicPages)
    .orderBy(asc(publicPages.footerPosition), asc(publicPages.headline));
}
