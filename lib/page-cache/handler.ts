import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";
import { isAllowedFrameSrc } from "../embeds/providers";
import { publicPageHeaders } from "../public/cache-policy";
import { publicVersionOfTag } from "../public/cache-tag-names";
import { readerPageOf } from "./reader-page";
import { currentPublicVersion, pageStore, type IncrementalCacheValue } from "./store";

/** What `next build` renders is never served: pages are rendered when first asked for. */
const BUILDING = process.env.NEXT_PHASE === "phase-production-build";
/** Next's own tags for a route (`_N_T_/news/layout`) say nothing a CDN could purge by. */
const IMPLICIT_TAG = /^_N_T_/;

/**
 * Next's cache of rendered public pages (next.config.ts `cacheHandler`). Each page is kept with the
 * public version it was rendered from (named among its tags by lib/public/state.ts), and given only
 * while that is still the current version, read once for the requests arriving together
 * (lib/public/fresh-read.ts). Every change readers can see moves the version in its own
 * transaction, so the next request after it renders afresh on every instance sharing the
 * database, with no cache to purge at the origin. A page that names no version read nothing public
 * (Next's own 404 page) and holds at any version.
 *
 * When a page is stored, the headers it is answered with are stored beside it: its policy (the
 * hashes of the page's own scripts), its cache tags and its Cache-Control (lib/public/cache-policy.ts).
 */
export default class PageCacheHandler implements Omit<CacheHandler, never> {
  constructor(private readonly context: CacheHandlerContext) {}

  async get(key: string, context: { kind: string }): Promise<CacheHandlerValue | null> {
    // Data fetched through Next (fetch, unstable_cache) is never kept: every read is the app's own.
    if (context.kind === "FETCH" || this.context.dev || BUILDING) return null;
    const entry = pageStore.get(key);
    if (!entry) return null;
    if (entry.version === undefined || entry.version === (await currentPublicVersion())) return entry;
    pageStore.forget(key);
    return null;
  }

  async set(key: string, value: IncrementalCacheValue | null, context: { cacheControl?: CacheHandlerValue["cacheControl"] }): Promise<void> {
    if (!value || this.context.dev || BUILDING || (value.kind !== "APP_PAGE" && value.kind !== "APP_ROUTE")) return;
    const { tags, version } = recordedTags(value.headers);
    // The answer Next is about to send is built from this same value, so it carries these too.
    // A page that names nothing it shows (the 404 for an address no route matches) keeps Next's own Cache-Control.
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

/**
 * What the page named (lib/public/cache-tags.ts), from Next's record of it: the tags a CDN purges
 * by, and the public version it was rendered from.
 */
function recordedTags(headers: Record<string, unknown> | undefined): { tags: string[]; version: number | undefined } {
  const recorded = new Set(String(headers?.["x-next-cache-tags"] ?? "").split(","));
  const versions = [...recorded].map(publicVersionOfTag).filter((version) => version !== undefined);
  const tags = [...recorded].filter((tag) => tag && !IMPLICIT_TAG.test(tag) && publicVersionOfTag(tag) === undefined).sort();
  // One render reads one version; should two ever be named, the older bounds what the page shows.
  return { tags, version: versions.length > 0 ? Math.min(...versions) : undefined };
}
