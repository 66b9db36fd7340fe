import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { takeAttempt } from "@/lib/rate-limits";
import { isCountedSearch, searchLimitedPage } from "@/lib/search-limit";
import { contentSecurityPolicy } from "@/lib/security-headers";

/** Searches are counted per client address before rendering: a refused search costs one small query. */
export async function searchLimitAnswer(request: NextRequest): Promise<NextResponse | undefined> {
  if (!isCountedSearch(request.method, `${request.nextUrl.pathname}${request.nextUrl.search}`)) return undefined;
  let wait = 0;
  try {
    wait = await takeAttempt("search", request.headers.get("x-forwarded-for") ?? "unknown");
  } catch (error) {
    // The page would fail the same way; refusing every search for it would only hide the cause.
    console.error("Counting a search failed", error);
  }
  if (wait <= 0) return undefined;
  return new NextResponse(request.method === "HEAD" ? null : searchLimitedPage(wait), {
    status: 429,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(wait),
      "cache-control": "no-store",
      // The page has no scripts: the policy allows none but the site's own.
      "content-security-policy": contentSecurityPolicy({ scripts: [], dev: false }),
    },
  });
}
