import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";
import { isAllowedFrameSrc } from "../embeds/providers";
import { publicPageHeaders } from "../public/cache-policy";
import { readerPageOf } from "./reader-page";
import { currentPublicVersion, pageStore, type IncrementalCacheValue } from "./store";

/** What `next build` renders is never served: pages are rendered when first asked for. */
const BUILDING = process.env.NEXT_PHASE === "phase-production-build";
/** Next's own tags for a route (`_N_T_/news/layout`) say nothing a CDN could purge by. */
const IMPLICIT_TAG = /^_N_T_/;

/**
 * Next's cache of rendered public pages (next.config.ts `cacheHandler`). Each page is kept with the
 * public version read before it was rendered, and given only while that is still the current
 * version, read once for the requests arriving together (lib/public/fresh-read.ts). Every change
 * readers can see moves the version in its own transaction, so the next request after it renders
 * afresh on every instance sharing the database, with no cache to purge at the origin.
 *
 * When a page is stored, the headers it is answered with are stored beside it: its policy (the
 * hashes of the page's own scripts), its cache tags and its Cache-Control (lib/public/cache-policy.ts).
 */
export default class PageCacheHandler implements Omit<CacheHandler, never> {
  /** The version read before each render under way, by key: an entry can only be as new as that. */
  private static rendering = new Map<string, number>();

  constructor(private readonly context: CacheHandlerContext) {}

  async get(key: string, context: { kind: string }): Promise<CacheHandlerValue | null> {
    // Data fetched through Next (fetch, unstable_cache) is never kept: every read is the app's own.
    if (context.kind === "FETCH" || this.context.dev || BUILDING) return null;
    const version = await currentPublicVersion();
    const entry = pageStore.get(key);
    if (entry && entry.version === version) return entry;
    if (entry) pageStore.forget(key);
    PageCacheHandler.rendering.set(key, version);
    return null;
  }

  async set(key: string, value: IncrementalCacheValue | null, context: { cacheControl?: CacheHandlerValue["cacheControl"] }): Promise<void> {
    const version = PageCacheHandler.rendering.get(key);
    PageCacheHandler.rendering.delete(key);
    if (!value || version === undefined || (value.kind !== "APP_PAGE" && value.kind !== "APP_ROUTE")) return;
    // The answer Next is about to send is built from this same value, so it carries these too.
    // A page that names nothing it shows (the 404 for an address no route matches) keeps Next's own Cache-Control.
    const tags = cacheTagsOf(value.headers);
    if (value.kind === "APP_PAGE" && typeof value.html === "string") {
      const headers = publicPageHeaders(value.html, tags, isAllowedFrameSrc);
      value.headers = { ...value.headers, ...(tags.length > 0 ? headers : { "content-security-policy": headers["content-security-policy"] }) };
    }
    const readerPage = readerPageOf(key, value, tags);
    const pageBytes = value.kind === "APP_PAGE" ? String(value.html).length + (value.rscData?.length ?? 0) : value.body.length;
    // A reader page's answer, made when first asked for, holds its bytes again and gzipped (about a fifth).
    const bytes = pageBytes + (readerPage ? Math.ceil(readerPage.html.length * 1.2) : 0);
    pageStore.set(key, { value, lastModified: Date.now(), cacheControl: context.cacheControl, version, bytes, readerPage });
  }

  /** Freshness is the public version's job; a purge by tag goes to the CDN (lib/public/purge.ts). */
  async revalidateTag(): Promise<void> {}

  resetRequestCache(): void {}
}

/** The tags the page named (lib/public/cache-tags.ts), from Next's record of them. */
function cacheTagsOf(headers: Record<string, unknown> | undefined): string[] {
  const recorded = String(headers?.["x-next-cache-tags"] ?? "");
  return [...new Set(recorded.split(",").filter((tag) => tag && !IMPLICIT_TAG.test(tag)))].sort();
}
