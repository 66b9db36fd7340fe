import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { frontCacheKey, isCurrent, rememberedPage } from "../lib/public/front-cache";
import { requestOrigin } from "../lib/public/urls";
import { withNonce } from "../lib/security-headers";

const gzipAsync = promisify(gzip);

function originOf(req: IncomingMessage): string {
  const headers = new Headers();
  for (const name of ["host", "x-forwarded-host", "x-forwarded-proto"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return requestOrigin(headers);
}

/**
 * Answers a GET or HEAD for a story page from lib/public/front-cache.ts when the page there is
 * still current; returns false, having written nothing, when Next must answer instead.
 */
export async function answerFromFrontCache(req: IncomingMessage, res: ServerResponse, nonce: string): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const pathname = new URL(req.url ?? "/", "http://front-cache").pathname;
  const page = rememberedPage(frontCacheKey(originOf(req), pathname));
  if (!page || !(await isCurrent(page))) return false;

  const html = withNonce(page.html, nonce);
  // Compressed off the main thread; the nonce makes every response's bytes different.
  const compress = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = compress ? await gzipAsync(html, { level: 4 }) : Buffer.from(html);
  res.writeHead(page.status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-length": body.length,
    vary: "Accept-Encoding",
    // Says which answers skipped Next, for whoever is debugging a stale page.
    "x-cache": "hit",
    ...(compress ? { "content-encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
