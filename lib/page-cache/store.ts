import type { CacheHandlerValue } from "next/dist/server/lib/incremental-cache";
import type pg from "pg";
import { createPool } from "../../db/pool";
import { readPublicVersion } from "../../db/queries/public-version";
import { freshRead } from "../public/fresh-read";

export type IncrementalCacheValue = NonNullable<CacheHandlerValue["value"]>;

/** A page Next rendered, with the public version it was rendered from (none: it read nothing public). */
export type StoredPage = CacheHandlerValue & {
  version: number | undefined;
  bytes: number;
  /** Set for a public page the server in front may answer itself (lib/page-cache/front-answer.ts). */
  readerPage?: ReaderPage;
};

/** A public page as readers get it (reader-page.ts): its address, its HTML and the headers Next stored. */
export type ReaderPage = { path: string; html: string; pageHeaders: Record<string, unknown>; answer?: ReaderAnswer };
/** The bytes and headers of the answer, made once. */
export type ReaderAnswer = { body: Buffer; etag: string; headers: Record<string, string>; gzipped?: Buffer };

/** Enough for every front and the stories being read now; the oldest unused pages go first. */
const MAX_BYTES = Number(process.env.PAGE_CACHE_MEGABYTES || 256) * 1024 * 1024;

let pool: pg.Pool | undefined;

/** Read once for the requests arriving together (lib/public/fresh-read.ts). */
export const currentPublicVersion = freshRead(() => readPublicVersion((pool ??= createPool(process.env.DATABASE_URL, 2))));

const entries = new Map<string, StoredPage>();
const readerPages = new Map<string, string>();
let storedBytes = 0;

/**
 * The rendered pages of this process, least recently used first. Next's cache handler
 * (handler.ts) fills it and reads it; the server in front of Next answers readers from it
 * (front-answer.ts). Both are loaded once per process, so they share this one store.
 */
export const pageStore = {
  get(key: string): StoredPage | undefined {
    const entry = entries.get(key);
    if (entry) {
      entries.delete(key);
      entries.set(key, entry);
    }
    return entry;
  },

  /** The page stored for a reader's address, if one is. */
  readerPage(path: string): StoredPage | undefined {
    const key = readerPages.get(path);
    return key === undefined ? undefined : pageStore.get(key);
  },

  set(key: string, entry: StoredPage): void {
    pageStore.forget(key);
    entries.set(key, entry);
    if (entry.readerPage) readerPages.set(entry.readerPage.path, key);
    storedBytes += entry.bytes;
    for (const oldest of entries.keys()) {
      if (storedBytes <= MAX_BYTES) break;
      pageStore.forget(oldest);
    }
  },

  forget(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    storedBytes -= entry.bytes;
    entries.delete(key);
    if (entry.readerPage && readerPages.get(entry.readerPage.path) === key) readerPages.delete(entry.readerPage.path);
  },
};
