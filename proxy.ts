import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";

/**
 * Sends signed-out visitors from the desk to sign in; nothing more. What a signed-in person may
 * do is lib/policy.ts. Unlike Auth.js's `auth` wrapper this never re-issues the session cookie,
 * which would race with signing out and bring a deleted session back.
 */
export async function proxy(request: NextRequest) {
  const secureCookie = request.nextUrl.protocol === "https:";
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie });
  if (token?.sub) return NextResponse.next();
  const login = new URL("/login", request.nextUrl);
  // The path only: lib/safe-redirect refuses anything with an origin.
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/desk", "/desk/:path*"] };
