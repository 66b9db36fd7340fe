import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { cacheTags } from "@/lib/public/cache-tags";
import { publicCacheControl } from "@/lib/public/cache-policy";
import { slugParam } from "@/lib/public/params";
import { resolveStoryAddress } from "@/db/queries/public-stories";
import { storyPath } from "@/lib/public/urls";
import { isReservedSectionSlug } from "@/lib/reserved-paths";

/**
 * What an App Router page cannot answer itself: a story's old address must answer 301 (a page can
 * only redirect with 307/308), and an unpublished story's address 410 with a real page. So these
 * two are decided here; the page at app/(public)/[section]/[slug] renders the rest, and the
 * removed-story page under the 410. One query, read afresh: a page the page cache holds is
 * answered before Next (scripts/next-server.ts), and shared caches keep the 301 like a page.
 */
export async function storyAddressAnswer(request: NextRequest): Promise<NextResponse | undefined> {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  const segments = request.nextUrl.pathname.split("/");
  if (segments.length !== 3) return undefined;
  const [section, slug] = [slugParam(segments[1]), slugParam(segments[2])];
  if (section === null || slug === null || isReservedSectionSlug(section)) return undefined;

  const address = await resolveStoryAddress(section, slug);
  if (address.kind === "moved") {
    const location = new URL(`${storyPath(address)}${request.nextUrl.search}`, request.nextUrl);
    const response = NextResponse.redirect(location, 301);
    // Kept by shared caches like the page, and purged with it when the story moves again.
    response.headers.set("cache-control", publicCacheControl());
    response.headers.set("surrogate-key", `${cacheTags.site} ${cacheTags.story(address.storyId)}`);
    response.headers.set("cache-tag", `${cacheTags.site},${cacheTags.story(address.storyId)}`);
    return response;
  }
  if (address.kind === "gone") return NextResponse.rewrite(request.nextUrl, { status: 410 });
  return undefined;
}
