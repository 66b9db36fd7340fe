import { connection, type NextRequest } from "next/server";
import { readPublicState } from "@/db/queries/public-publication";
import { slugParam } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { rssFeed } from "@/lib/public/rss";
import { requestOrigin, sectionPath } from "@/lib/public/urls";
import { xmlResponse } from "@/lib/public/xml";

const FEED_SIZE = 50;

export async function GET(request: NextRequest, { params }: RouteContext<"/[section]/feed.xml">): Promise<Response> {
  await connection();
  const slug = slugParam((await params).section);
  const publication = await readPublicState();
  const section = slug === null ? null : await reads.sectionBySlug(publication.version, slug);
  if (!section) return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const origin = requestOrigin(request.headers);
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
