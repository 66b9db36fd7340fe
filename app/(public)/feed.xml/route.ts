import { connection, type NextRequest } from "next/server";
import { readPublicState } from "@/db/queries/public-publication";
import { reads } from "@/lib/public/reads";
import { rssFeed } from "@/lib/public/rss";
import { requestOrigin } from "@/lib/public/urls";
import { xmlResponse } from "@/lib/public/xml";

const FEED_SIZE = 50;

export async function GET(request: NextRequest): Promise<Response> {
  await connection();
  const publication = await readPublicState();
  const origin = requestOrigin(request.headers);
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
