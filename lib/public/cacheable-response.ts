import crypto from "node:crypto";
import { sharedCacheHeaders } from "./cache-policy";

/**
 * A public document rendered per request from the cached reads (a feed): an ETag from its bytes,
 * 304 to a reader who has them already, and the same shared-cache headers and tags as a page.
 */
export function cacheableResponse(request: Request, body: string, contentType: string, tags: string[]): Response {
  const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = { "content-type": `${contentType}; charset=utf-8`, "x-content-type-options": "nosniff", etag, ...sharedCacheHeaders(tags) };
  const held = (request.headers.get("if-none-match") ?? "").split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (held.includes(etag) || held.includes("*")) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
