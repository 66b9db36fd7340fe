/**
 * Finished public pages, answered by the Node server (scripts/next-server.ts) before a request
 * reaches Next — the in-process equivalent of a CDN in front of the site. The server keeps a copy
 * of each public page Next renders, filed under the public version read before rendering, and
 * answers from here only after reading the current public version (one read shared by the
 * requests arriving together, see fresh-read.ts) and finding it unchanged, so a publish, update,
 * unpublish, move or settings change shows on the very next request exactly as without this cache.
 *
 * The version is read by the app, which alone holds the database: it opens the cache at start-up
 * (instrumentation.ts), and the server finds it on globalThis because Next bundles the app
 * separately from the server that loads it; they run in the same process.
 */
export type FrontPage = { version: number; status: number; html: string };

type FrontCache = {
  pages: Map<string, FrontPage>;
  newestVersion: number;
  currentVersion: (arrivedAt: number) => Promise<number>;
};

const MAX_PAGES = 1000;
const globalForFrontCache = globalThis as unknown as { mastheadFrontCache?: FrontCache };

/** Pages vary by the origin readers used (canonical and feed URLs carry it) and by path alone. */
export const frontCacheKey = (origin: string, pathname: string) => `${origin}${pathname}`;

/** Called by the app, which alone reads the database; until then the server answers nothing itself. */
export function openFrontCache(currentVersion: (arrivedAt: number) => Promise<number>): void {
  globalForFrontCache.mastheadFrontCache ??= { pages: new Map(), newestVersion: 0, currentVersion };
}

export function rememberPage(key: string, page: FrontPage): void {
  const cache = globalForFrontCache.mastheadFrontCache;
  if (!cache || page.version < cache.newestVersion) return;
  if (page.version > cache.newestVersion) {
    cache.pages.clear();
    cache.newestVersion = page.version;
  }
  cache.pages.delete(key);
  cache.pages.set(key, page);
  if (cache.pages.size > MAX_PAGES) cache.pages.delete(cache.pages.keys().next().value!);
}

/** The public version as of the request's arrival, or undefined before the app has opened the cache. */
export async function frontCacheVersion(arrivedAt: number): Promise<number | undefined> {
  return globalForFrontCache.mastheadFrontCache?.currentVersion(arrivedAt);
}

export function rememberedPage(key: string): FrontPage | undefined {
  return globalForFrontCache.mastheadFrontCache?.pages.get(key);
}

/** Whether the page is still what readers should see, as of the public version when the request arrived. */
export async function isCurrent(page: FrontPage, arrivedAt: number): Promise<boolean> {
  const cache = globalForFrontCache.mastheadFrontCache;
  if (!cache) return false;
  const version = await cache.currentVersion(arrivedAt);
  if (version > cache.newestVersion) {
    cache.pages.clear();
    cache.newestVersion = version;
  }
  return version === page.version;
}
