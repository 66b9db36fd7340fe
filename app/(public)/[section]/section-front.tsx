import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageHref } from "@/components/public/pagination";
import { StoryIndex } from "@/components/public/story-index";
import { pageOrigin } from "@/lib/public/page-origin";
import { listMetadata } from "@/lib/public/page-metadata";
import { pageFromSegment, paging, slugParam } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { cacheTags, tagPage } from "@/lib/public/cache-tags";
import { publicState } from "@/lib/public/state";
import { sectionPath } from "@/lib/public/urls";

const PER_PAGE = 20;

export type SectionFrontAddress = { section: string; number?: string };

async function load({ section: segment, number }: SectionFrontAddress) {
  const publication = await publicState();
  const page = pageFromSegment(number);
  const slug = slugParam(segment);
  if (slug === null || page === null) notFound();
  const section = await reads.sectionBySlug(publication.version, slug);
  if (!section) notFound();
  await tagPage(cacheTags.section(section.id));
  const { stories, total } = await reads.sectionStories(publication.version, section.id, PER_PAGE, (page - 1) * PER_PAGE);
  const pages = paging(page, PER_PAGE, total);
  if (!pages) notFound();
  return { publication, section, stories, pages };
}

export async function sectionFrontMetadata(address: SectionFrontAddress): Promise<Metadata> {
  const { publication, section, pages } = await load(address);
  const origin = pageOrigin();
  return {
    ...listMetadata({
      title: section.name,
      publication,
      description: section.description || `The latest ${section.name} stories from ${publication.name}.`,
      origin,
      path: sectionPath(section.slug),
      page: pages.page,
    }),
    alternates: {
      canonical: `${origin}${pageHref(sectionPath(section.slug), pages.page)}`,
      types: { "application/rss+xml": [{ url: `${origin}${sectionPath(section.slug)}/feed.xml`, title: `${publication.name}: ${section.name}` }] },
    },
  };
}

export async function SectionFront({ address }: { address: SectionFrontAddress }) {
  const { publication, section, stories, pages } = await load(address);
  return (
    <StoryIndex
      title={section.name}
      intro={section.description && <p className="mt-3 text-lg text-stone-700 dark:text-stone-300">{section.description}</p>}
      stories={stories}
      timeZone={publication.timezone}
      page={pages.page}
      pageCount={pages.pageCount}
      href={(page) => pageHref(sectionPath(section.slug), page)}
      showSection={false}
    />
  );
}
