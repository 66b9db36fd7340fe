import { connection } from "next/server";
import { cacheTags } from "@/lib/public/cache-tags";
import { cacheableResponse } from "@/lib/public/cacheable-response";
import { pageOrigin } from "@/lib/public/page-origin";
import { reads } from "@/lib/public/reads";
import { rssFeed } from "@/lib/public/rss";
import { publicState } from "@/lib/public/state";

const FEED_SIZE = 50;

/** Built per request from the reads cached per public version, answered 304 when the reader has it. */
export async function GET(request: Request): Promise<Response> {
  await connection();
  const publication = await publicState();
  const origin = pageOrigin();
  const stories = await reads.feedStories(publication.version, null, FEED_SIZE);
  const channel = {
    title: publication.name,
    description: publication.description,
    language: publication.language,
    link: `${origin}/`,
    selfUrl: `${origin}/feed.xml`,
  };
  return cacheableResponse(request, rssFeed(channel, stories, origin), "application/rss+xml", [cacheTags.site, cacheTags.feeds]);
}
