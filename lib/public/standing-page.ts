import "server-only";
import type { Metadata } from "next";
import { defaultSharedImage, sharingMetadata } from "./page-metadata";
import { pageOrigin } from "./page-origin";
import { isPlausibleSlug } from "./params";
import { reads } from "./reads";
import { publicState } from "./state";
import { pagePath } from "./urls";

/**
 * The live standing page at /<slug>, for the route it shares with section fronts: null when the
 * slug is a section's (the front wins) or no page is live there.
 */
export async function standingPageAt(params: Promise<{ section: string }>) {
  const [{ section: slug }, publication] = await Promise.all([params, publicState()]);
  if (!isPlausibleSlug(slug) || (await reads.sectionBySlug(publication.version, slug))) return null;
  const page = await reads.page(publication.version, slug);
  return page && { page, publication, origin: await pageOrigin() };
}

export type StandingPageView = NonNullable<Awaited<ReturnType<typeof standingPageAt>>>;

export function standingPageMetadata({ page, publication, origin }: StandingPageView): Metadata {
  const url = `${origin}${pagePath(page.slug)}`;
  const title = page.seoTitle || page.headline;
  const description = page.seoDescription || page.dek;
  return {
    title: { absolute: `${title} | ${publication.name}` },
    description,
    alternates: { canonical: url },
    ...sharingMetadata({ url, siteName: publication.name, title, description, image: defaultSharedImage(publication, origin) }),
  };
}
