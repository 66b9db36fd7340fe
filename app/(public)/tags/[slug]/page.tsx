import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageHref } from "@/components/public/pagination";
import { StoryIndex } from "@/components/public/story-index";
import { pageOrigin } from "@/lib/public/page-origin";
import { listMetadata } from "@/lib/public/page-metadata";
import { pageNumber, paging, slugParam } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { publicState } from "@/lib/public/state";
import { tagPath } from "@/lib/public/urls";

const PER_PAGE = 20;

async function load({ params, searchParams }: PageProps<"/tags/[slug]">) {
  const [{ slug: segment }, query, publication] = await Promise.all([params, searchParams, publicState()]);
  const page = pageNumber(query.page);
  const slug = slugParam(segment);
  if (slug === null || page === null) notFound();
  const tag = await reads.tagBySlug(publication.version, slug);
  if (!tag) notFound();
  const { stories, total } = await reads.tagStories(publication.version, tag.id, PER_PAGE, (page - 1) * PER_PAGE);
  const pages = paging(page, PER_PAGE, total);
  if (!pages) notFound();
  return { publication, tag, stories, pages };
}

export async function generateMetadata(props: PageProps<"/tags/[slug]">): Promise<Metadata> {
  const [{ publication, tag, pages }, origin] = await Promise.all([load(props), pageOrigin()]);
  return listMetadata({
    title: tag.name,
    publication,
    description: `Stories tagged “${tag.name}” from ${publication.name}.`,
    origin,
    path: tagPath(tag.slug),
    page: pages.page,
  });
}

export default async function TagPage(props: PageProps<"/tags/[slug]">) {
  const { publication, tag, stories, pages } = await load(props);
  return (
    <StoryIndex
      title={tag.name}
      stories={stories}
      timeZone={publication.timezone}
      page={pages.page}
      pageCount={pages.pageCount}
      href={(page) => pageHref(tagPath(tag.slug), page)}
    />
  );
}
