import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { generateETag } from "next/dist/server/lib/etag.js";
import { normalizePagePath } from "next/dist/shared/lib/page-path/normalize-page-path.js";
import { cacheTags } from "../public/cache-tag-names";
import { STATIC_SECURITY_HEADERS } from "../security-headers";
import { currentPublicVersion, pageStore, type IncrementalCacheValue, type ReaderAnswer, type ReaderPage } from "./store";

/** Next keys a page `/route-cache/APP_PAGE/<route hash>/$<normalized path>` (next/dist/server/lib/route-cache-key). */
const PAGE_KEY = /^\/route-cache\/APP_PAGE\/[0-9a-f]+\/\$(\/.*)$/;
/** Next's Vary on every page, with the Accept-Encoding its compression adds. */
const PAGE_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";
/** Client navigations and server actions ask for more than the document: Next answers those. */
const NEXT_REQUEST_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
/** Public addresses are slugs; anything else (encoded, dotted, trailing slash) is Next's to normalize. */
const PLAIN_ADDRESS = /^\/(?:[a-z0-9-]+(?:\/[a-z0-9-]+)*)?$/;

/**
 * A public page readers may be answered with, noted when Next stores it; the answer itself (the
 * headers and bytes Next answers a cache hit with) is made when first asked for. Only pages that
 * name what they show (lib/public/cache-tags.ts) and answer 200 qualify; the removed-story page is
 * answered 410 by proxy.ts, so Next keeps it.
 */
export function readerPageOf(key: string, value: IncrementalCacheValue, tags: string[]): ReaderPage | undefined {
  const path = PAGE_KEY.exec(key)?.[1];
  if (!path || value.kind !== "APP_PAGE" || typeof value.html !== "string") return undefined;
  if ((value.status ?? 200) !== 200 || tags.length === 0 || tags.includes(cacheTags.removedStory)) return undefined;
  return { path, html: value.html, pageHeaders: value.headers ?? {} };
}

/**
 * Answers a reader's GET of a public page from the page cache when it holds the page at the
 * current public version, and says whether it did. This is Next's own cache, entry and freshness
 * rule; answering here only skips Next's routing for the one request a traffic spike is made of,
 * which costs several times the answer itself (`npm run bench:public`). Anything else goes to Next.
 */
export async function answerFromPageCache(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const path = request.url ?? "";
  if (!PLAIN_ADDRESS.test(path) || NEXT_REQUEST_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  const entry = pageStore.readerPage(normalizePagePath(path));
  if (!entry?.readerPage || entry.version !== (await currentPublicVersion())) return false;
  // Made when first asked for, not while Next waits to send the first render.
  const page = (entry.readerPage.answer ??= readerAnswer(entry.readerPage));
  if (unchanged(request.headers, page.etag)) {
    response.writeHead(304, page.headers).end();
    return true;
  }
  const gzip = acceptsGzip(request.headers["accept-encoding"]);
  const body = gzip ? (page.gzipped ??= gzipSync(page.body)) : page.body;
  response.writeHead(200, { ...page.headers, ...(gzip ? { "content-encoding": "gzip" } : {}), "content-length": body.length });
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}

function readerAnswer({ html, pageHeaders }: ReaderPage): ReaderAnswer {
  const etag = generateETag(html);
  const named = Object.entries(pageHeaders).filter(([name]) => name !== "x-next-cache-tags");
  const headers = { ...STATIC_SECURITY_HEADERS, ...Object.fromEntries(named), vary: PAGE_VARY, "content-type": "text/html; charset=utf-8", etag };
  return { body: Buffer.from(html), etag, headers };
}

function acceptsGzip(header: string | string[] | undefined): boolean {
  return String(header ?? "")
    .split(",")
    .some((coding) => {
      const [name, ...parameters] = coding.trim().toLowerCase().split(";");
      const quality = parameters.find((parameter) => parameter.trim().startsWith("q="));
      return (name === "gzip" || name === "*") && (quality === undefined || Number(quality.trim().slice(2)) > 0);
    });
}

/** A conditional GET the reader's copy still answers (RFC 9110 13.1.2, weak comparison, as Next's `fresh`). */
function unchanged(headers: IncomingMessage["headers"], etag: string): boolean {
  const ifNoneMatch = headers["if-none-match"];
  if (!ifNoneMatch || /(?:^|,)\s*no-cache\s*(?:,|$)/.test(headers["cache-control"] ?? "")) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}
