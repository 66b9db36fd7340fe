import { connection, type NextRequest } from "next/server";
import { readPublicState } from "@/db/queries/public-publication";
import { reads } from "@/lib/public/reads";
import { sitemapIndex, sitemapPartCount, sitemapPartStories, storyUrl, urlSet, type SitemapUrl } from "@/lib/public/sitemaps";
import { pageOrigin } from "@/lib/public/page-origin";
import { pagePath, sectionPath } from "@/lib/public/urls";
import { xmlResponse } from "@/lib/public/xml";

const PART = /^[1-9][0-9]{0,4}$/;

/**
 * One sitemap while everything fits in 50,000 URLs; beyond that an index of parts
 * (/sitemap.xml?part=1, 2, …). Part 1 also carries the home page, the section fronts and the standing pages.
 */
export async function GET(request: NextRequest): Promise<Response> {
  await connection();
  const publication = await readPublicState();
  const origin = pageOrigin();
  const sections = await reads.sections(publication.version);
  const storyCount = await reads.countStories(publication.version);
  const pages = await reads.pages(publication.version);
  const fronts: SitemapUrl[] = [
    { loc: `${origin}/` },
    ...sections.filter((s) => !s.hidden).map((s) => ({ loc: `${origin}${sectionPath(s.slug)}` })),
    ...pages.map((page) => ({ loc: `${origin}${pagePath(page.slug)}`, lastmod: page.updatedAt ?? page.publishedAt })),
  ];
  const partCount = sitemapPartCount(fronts.length + storyCount);

  const partParam = request.nextUrl.searchParams.get("part");
  if (partParam === null && partCount > 1) {
    return xmlResponse(sitemapIndex(Array.from({ length: partCount }, (_, i) => `${origin}/sitemap.xml?part=${i + 1}`)));
  }
  const part = partParam === null ? 1 : PART.test(partParam) ? Number(partParam) : 0;
  if (part < 1 || part > partCount) return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

  const { offset, limit } = sitemapPartStories(part, fronts.length);
  const stories = await reads.sitemapStories(publication.version, limit, offset);
  return xmlResponse(urlSet([...(part === 1 ? fronts : []), ...stories.map((story) => storyUrl(story, origin))]));
}
