import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/public/json-ld";
import { pageHref } from "@/components/public/pagination";
import { StoryIndex } from "@/components/public/story-index";
import { Avatar } from "@/components/ui/avatar";
import { pageOrigin } from "@/lib/public/page-origin";
import { listMetadata } from "@/lib/public/page-metadata";
import { pageFromSegment, paging, slugParam } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { cacheTags, tagPage } from "@/lib/public/cache-tags";
import { publicState } from "@/lib/public/state";
import { authorStructuredData } from "@/lib/public/structured-data";
import { authorPath } from "@/lib/public/urls";

const PER_PAGE = 20;

export type AuthorFrontAddress = { slug: string; number?: string };

async function load({ slug: segment, number }: AuthorFrontAddress) {
  const publication = await publicState();
  const page = pageFromSegment(number);
  const slug = slugParam(segment);
  if (slug === null || page === null) notFound();
  const author = await reads.authorBySlug(publication.version, slug);
  if (!author) notFound();
  await tagPage(cacheTags.author(author.id));
  const { stories, total } = await reads.authorStories(publication.version, author.id, PER_PAGE, (page - 1) * PER_PAGE);
  const pages = paging(page, PER_PAGE, total);
  if (!pages) notFound();
  return { publication, author, stories, pages };
}

export async function authorFrontMetadata(address: AuthorFrontAddress): Promise<Metadata> {
  const [{ publication, author, pages }, origin] = [await load(address), pageOrigin()];
  return listMetadata({
    title: author.displayName,
    publication,
    description: author.bio || `Stories by ${author.displayName} for ${publication.name}.`,
    origin,
    path: authorPath(author.slug),
    page: pages.page,
  });
}

export async function AuthorFront({ address }: { address: AuthorFrontAddress }) {
  const [{ publication, author, stories, pages }, origin] = [await load(address), pageOrigin()];
  return (
    <>
      <JsonLd data={authorStructuredData(author, publication, origin)} />
      <StoryIndex
        title={author.displayName}
        intro={
          (author.avatar || author.bio) && (
            <div className="mt-3 flex items-start gap-4">
              <Avatar image={author.avatar} size="large" />
              {author.bio && <p className="text-lg text-stone-700 dark:text-stone-300">{author.bio}</p>}
            </div>
          )
        }
        stories={stories}
        timeZone={publication.timezone}
        page={pages.page}
        pageCount={pages.pageCount}
        href={(page) => pageHref(authorPath(author.slug), page)}
      />
    </>
  );
}
