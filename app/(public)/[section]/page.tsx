import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageHref } from "@/components/public/pagination";
import { StandingPage } from "@/components/public/standing-page";
import { StoryIndex } from "@/components/public/story-index";
import { pageOrigin } from "@/lib/public/page-origin";
import { listMetadata } from "@/lib/public/page-metadata";
import { isPlausibleSlug, pageNumber, paging } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { standingPageAt, standingPageMetadata } from "@/lib/public/standing-page";
import { publicState } from "@/lib/public/state";
import { sectionPath } from "@/lib/public/urls";

const PER_PAGE = 20;

async function load({ params, searchParams }: PageProps<"/[section]">) {
  const [{ section: slug }, query, publication] = await Promise.all([params, searchParams, publicState()]);
  const page = pageNumber(query.page);
  if (!isPlausibleSlug(slug) || page === null) notFound();
  const section = await reads.sectionBySlug(publication.version, slug);
  if (!section) notFound();
  const { stories, total } = await reads.sectionStories(publication.version, section.id, PER_PAGE, (page - 1) * PER_PAGE);
  const pages = paging(page, PER_PAGE, total);
  if (!pages) notFound();
  return { publication, section, stories, pages };
}

export async function generateMetadata(props: PageProps<"/[section]">): Promise<Metadata> {
  const standing = await standingPageAt(props.params);
  if (standing) return standingPageMetadata(standing);
  const [{ publication, section, pages }, origin] = await Promise.all([load(props), pageOrigin()]);
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

export default async function SectionPage(props: PageProps<"/[section]">) {
  const standing = await standingPageAt(props.params);
  if (standing) return <StandingPage {...standing} />;
  const { publication, section, stories, pages } = await load(props);
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
