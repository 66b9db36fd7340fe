import { cacheTags, tagPage } from "@/lib/public/cache-tags";
import { pageOrigin } from "@/lib/public/page-origin";
import { isPlausibleSlug } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { rssFeed } from "@/lib/public/rss";
import { publicState } from "@/lib/public/state";
import { sectionPath } from "@/lib/public/urls";
import { xmlResponse } from "@/lib/public/xml";

const FEED_SIZE = 50;

/** The same document for every reader, kept like a page (lib/page-cache/handler.ts). */
export const dynamic = "force-static";
export const generateStaticParams = async () => [];

export async function GET(_request: Request, { params }: RouteContext<"/[section]/feed.xml">): Promise<Response> {
  const { section: slug } = await params;
  const publication = await publicState();
  const section = isPlausibleSlug(slug) ? await reads.sectionBySlug(publication.version, slug) : null;
  await tagPage(cacheTags.site, ...(section ? [cacheTags.section(section.id), cacheTags.feeds] : []));
  if (!section) return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const origin = pageOrigin();
  const stories = await reads.feedStories(publication.version, section.id, FEED_SIZE);
  const channel = {
    title: `${publication.name}: ${section.name}`,
    description: section.description || `The latest ${section.name} stories from ${publication.name}.`,
    language: publication.language,
    link: `${origin}${sectionPath(section.slug)}`,
    selfUrl: `${origin}${sectionPath(section.slug)}/feed.xml`,
  };
  return xmlResponse(rssFeed(channel, stories, origin), "application/rss+xml");
}
