import { connection } from "next/server";
import { cacheTags } from "@/lib/public/cache-tags";
import { cacheableResponse } from "@/lib/public/cacheable-response";
import { pageOrigin } from "@/lib/public/page-origin";
import { slugParam } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { rssFeed } from "@/lib/public/rss";
import { publicState } from "@/lib/public/state";
import { sectionPath } from "@/lib/public/urls";

const FEED_SIZE = 50;


/** Built per request from the reads cached per public version, answered 304 when the reader has it. */
export async function GET(request: Request, { params }: RouteContext<"/[section]/feed.xml">): Promise<Response> {
  await connection();
  const slug = slugParam((await params).section);
  const publication = await publicState();
  const section = slug === null ? null : await reads.sectionBySlug(publication.version, slug);
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
  return cacheableResponse(request, rssFeed(channel, stories, origin), "application/rss+xml", [cacheTags.site, cacheTags.feeds, cacheTags.section(section.id)]);
}
