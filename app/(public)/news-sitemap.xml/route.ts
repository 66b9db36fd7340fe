import { connection, type NextRequest } from "next/server";
import { readPublicState } from "@/db/queries/public-publication";
import { reads } from "@/lib/public/reads";
import { newsSitemap } from "@/lib/public/sitemaps";
import { pageOrigin } from "@/lib/public/page-origin";
import { xmlResponse } from "@/lib/public/xml";

const WINDOW_MS = 48 * 60 * 60 * 1000;
/** Google News reads at most 1,000 URLs per news sitemap. */
const MAX_URLS = 1_000;
/** The window start is rounded to the minute, so requests within a minute share one cache entry. */
const MINUTE_MS = 60_000;

export async function GET(request: NextRequest): Promise<Response> {
  await connection();
  const publication = await readPublicState();
  const since = new Date(Math.floor((Date.now() - WINDOW_MS) / MINUTE_MS) * MINUTE_MS);
  const stories = await reads.sitemapStories(publication.version, MAX_URLS, 0, since);
  return xmlResponse(newsSitemap(stories, publication, pageOrigin()));
}
