import { cacheTags, tagPage } from "@/lib/public/cache-tags";
import { pageOrigin } from "@/lib/public/page-origin";
import { reads } from "@/lib/public/reads";
import { rssFeed } from "@/lib/public/rss";
import { publicState } from "@/lib/public/state";
import { xmlResponse } from "@/lib/public/xml";

const FEED_SIZE = 50;

/** The same document for every reader, kept like a page (lib/page-cache/handler.ts). */
export const dynamic = "force-static";

export async function GET(): Promise<Response> {
  const publication = await publicState();
  await tagPage(cacheTags.site, cacheTags.feeds);
  const origin = pageOrigin();
  const stories = await reads.feedStories(publication.version, null, FEED_SIZE);
  const channel = {
    title: publication.name,
    description: publication.description,
    language: publication.language,
    link: `${origin}/`,
    selfUrl: `${origin}/feed.xml`,
  };
  return xmlResponse(rssFeed(channel, stories, origin), "application/rss+xml");
}
