import { connection, type NextRequest } from "next/server";
import type { StoryAddress } from "@/db/queries/public-stories";
import { isPlausibleSlug } from "@/lib/public/params";
import { reads } from "@/lib/public/reads";
import { currentPublicState } from "@/lib/public/state";
import { nonceFromPolicy, withNonce } from "@/lib/security-headers";
import { requestOrigin, storyPath } from "@/lib/public/urls";

/**
 * A story's address. A route handler rather than a page so it can answer 301 and 410 (see
 * lib/public/internal-render.ts); the page itself is app/(public)/%5Fstory/[key].
 */
export async function GET(request: NextRequest, { params }: RouteContext<"/[section]/[slug]">): Promise<Response> {
  await connection();
  const { section, slug } = await params;
  const { version } = await currentPublicState();
  const address: StoryAddress =
    isPlausibleSlug(section) && isPlausibleSlug(slug) ? await reads.storyAddress(version, section, slug) : { kind: "missing" };

  if (address.kind === "moved") {
    return new Response(null, { status: 301, headers: { Location: `${storyPath(address)}${request.nextUrl.search}` } });
  }
  const origin = requestOrigin(request.headers);
  const internalPath = address.kind === "live" ? `/_story/${address.storyId}` : `/_story/${address.kind}`;
  const page = await reads.renderedPage(version, internalPath, origin);
  const status = address.kind === "gone" ? 410 : page.status;
  const nonce = nonceFromPolicy(request.headers.get("content-security-policy"));
  return new Response(nonce ? withNonce(page.html, nonce) : page.html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
