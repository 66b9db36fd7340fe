import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { frontCacheKey, frontCacheVersion, isCurrent, rememberedPage, rememberPage } from "../lib/public/front-cache";
import { RESERVED_SECTION_SLUGS } from "../lib/reserved-paths";
import { requestOrigin } from "../lib/public/urls";
import { withNonce } from "../lib/security-headers";

const gzipAsync = promisify(gzip);

/**
 * Home, corrections, author, tag and section fronts, and story addresses: one or two segments
 * not starting with one of the app's own. Whatever else matches answers 404 and is never kept.
 */
const PUBLIC_PAGE = /^\/(?:[^/]+(?:\/[^/]+)?)?$/;
const PUBLIC_PREFIXES = new Set(["authors", "tags", "corrections"]);
const RESERVED = new Set<string>(RESERVED_SECTION_SLUGS.filter((slug) => !PUBLIC_PREFIXES.has(slug)));
/** Answers readers can be given again: a page, and an unpublished story's 410. */
const REMEMBERED_STATUSES = new Set([200, 410]);
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

function originOf(req: IncomingMessage): string {
  const headers = new Headers();
  for (const name of ["host", "x-forwarded-host", "x-forwarded-proto"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return requestOrigin(headers);
}

/**
 * The front-cache key for a reader's request for a public page, or undefined for anything else:
 * other methods, the framework's own navigation requests (RSC payloads, not HTML), reserved
 * addresses (desk, sign-in, search, feeds, media…) and query strings other than a page number.
 */
export function frontCacheKeyFor(req: IncomingMessage): string | undefined {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  if (req.headers.rsc !== undefined || req.headers["next-router-state-tree"] !== undefined || req.headers["next-action"] !== undefined) {
    return undefined;
  }
  const url = new URL(req.url ?? "/", "http://front-cache");
  if (!PUBLIC_PAGE.test(url.pathname) || (url.search !== "" && !/^\?page=\d{1,6}$/.test(url.search))) return undefined;
  if (RESERVED.has(url.pathname.split("/")[1])) return undefined;
  return frontCacheKey(originOf(req), `${url.pathname}${url.search}`);
}

/** Answers from the front cache when its page is still current; false, having written nothing, otherwise. */
export async function answerFromFrontCache(key: string, req: IncomingMessage, res: ServerResponse, nonce: string, arrivedAt: number): Promise<boolean> {
  const page = rememberedPage(key);
  if (!page || !(await isCurrent(page, arrivedAt))) return false;

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

type Chunk = string | Uint8Array;

/**
 * Keeps a copy of the HTML Next writes for this GET, filed under the public version read before
 * Next started: the page shows that version or a newer one, and versions only grow, so it is
 * never answered once a newer version exists.
 */
export async function captureIntoFrontCache(key: string, req: IncomingMessage, res: ServerResponse, arrivedAt: number): Promise<void> {
  if (req.method !== "GET") return;
  const version = await frontCacheVersion(arrivedAt);
  if (version === undefined) return;
  // Uncompressed, so the copy can get each response's own nonce (the cache compresses its answers).
  delete req.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  let bytes = 0;
  const keep = (chunk: unknown) => {
    if (typeof chunk !== "string" && !(chunk instanceof Uint8Array)) return;
    const buffer = Buffer.from(chunk as Chunk);
    bytes += buffer.length;
    if (bytes <= MAX_PAGE_BYTES) chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk);
    const html = String(res.getHeader("content-type") ?? "").startsWith("text/html");
    const cacheable = REMEMBERED_STATUSES.has(res.statusCode) && html && !res.getHeader("set-cookie") && !res.getHeader("content-encoding");
    if (cacheable && bytes <= MAX_PAGE_BYTES) rememberPage(key, { version, status: res.statusCode, html: Buffer.concat(chunks).toString("utf8") });
    return end(chunk, ...rest);
  }) as ServerResponse["end"];
}
