import { NextResponse, type NextRequest } from "next/server";
import { EMBED_PROVIDERS } from "@/lib/embeds/providers";
import { contentSecurityPolicy } from "@/lib/security-headers";

/** A preview shows a story as readers will see it, so its embeds may load their players when asked. */
const PREVIEW = /^\/(?:preview\/[^/]+|desk\/stories\/[^/]+\/preview)$/;
const PLAYER_ORIGINS = [...new Set(EMBED_PROVIDERS.map((provider) => provider.frameOrigin))].sort();

/**
 * Pages rendered for one person (the desk, sign-in, search, previews) get a fresh nonce: Next reads
 * it from the request's policy and puts it on the scripts it writes. Public pages are the same for
 * everyone and carry hashes instead (lib/public/cache-policy.ts).
 */
export function withNoncePolicy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const frames = PREVIEW.test(request.nextUrl.pathname) ? PLAYER_ORIGINS : [];
  const policy = contentSecurityPolicy({ nonce, frames, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}
