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
import { tagPath } from "@/lib/public/urls";

const PER_PAGE = 20;

export type TagFrontAddress = { slug: string; number?: string };

async function load({ slug: segment, number }: TagFrontAddress) {
  const publication = await publicState();
  const page = pageFromSegment(number);
  const slug = slugParam(segment);
  if (slug === null || page === null) notFound();
  const tag = await reads.tagBySlug(publication.version, slug);
  if (!tag) notFound();
  await tagPage(cacheTags.tag(tag.id));
  const { stories, total } = await reads.tagStories(publication.version, tag.id, PER_PAGE, (page - 1) * PER_PAGE);
  const pages = paging(page, PER_PAGE, total);
  if (!pages) notFound();
  return { publication, tag, stories, pages };
}

export async function tagFrontMetadata(address: TagFrontAddress): Promise<Metadata> {
  const [{ publication, tag, pages }, origin] = [await load(address), pageOrigin()];
  return listMetadata({
    title: tag.name,
    publication,
    description: `Stories tagged “${tag.name}” from ${publication.name}.`,
    origin,
    path: tagPath(tag.slug),
    page: pages.page,
  });
}

export async function TagFront({ address }: { address: TagFrontAddress }) {
  const { publication, tag, stories, pages } = await load(address);
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
