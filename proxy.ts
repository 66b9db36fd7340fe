import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { actionBodyAnswer } from "@/lib/proxy/action-body";
import { withNoncePolicy } from "@/lib/proxy/nonce-policy";
import { searchLimitAnswer } from "@/lib/proxy/search-limit";
import { storyAddressAnswer } from "@/lib/proxy/story-address";

/**
 * Before Next renders: malformed server-action bodies refused, searches counted, a story's old
 * address (301) and an unpublished story's (410) decided, signed-out visitors sent from the desk to
 * sign in, and a nonce for every page rendered per person. What a signed-in person may do is
 * lib/policy.ts. Public fronts never come here (see the matcher): they are cached whole.
 */
export async function proxy(request: NextRequest) {
  const early = (await actionBodyAnswer(request)) ?? (await searchLimitAnswer(request)) ?? (await storyAddressAnswer(request));
  if (early) return early;
  const { pathname } = request.nextUrl;
  if (pathname === "/desk" || pathname.startsWith("/desk/")) {
    const signedIn = await isSignedIn(request);
    if (!signedIn) return toSignIn(request);
  }
  // Story, author and tag pages are two segments too, and cached like the fronts.
  if (pathname.split("/").length === 3 && !PERSONAL_TREES.test(pathname)) return NextResponse.next();
  return withNoncePolicy(request);
}

const PERSONAL_TREES = /^\/(?:desk|login|setup|invite|reset|forgot-password|search|preview|unsubscribe)(?:\/|$)/;

/** Unlike Auth.js's `auth` wrapper this never re-issues the session cookie, which would race with signing out. */
async function isSignedIn(request: NextRequest): Promise<boolean> {
  const secureCookie = request.nextUrl.protocol === "https:";
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie });
  return Boolean(token?.sub);
}

function toSignIn(request: NextRequest): NextResponse {
  const login = new URL("/login", request.nextUrl);
  // The path only: lib/safe-redirect refuses anything with an origin.
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: [
    "/desk/:path*",
    "/login",
    "/setup",
    "/invite/:path*",
    "/reset/:path*",
    "/forgot-password",
    "/search",
    "/preview/:path*",
    "/unsubscribe",
    // Story addresses (and author and tag pages, which pass straight through).
    "/:section/:slug",
    // A server action posted anywhere.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
