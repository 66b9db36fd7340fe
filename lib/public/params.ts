import { SLUG_PATTERN } from "@/lib/slug";

const MAX_SLUG_LENGTH = 200;
const PAGE_PATTERN = /^[1-9][0-9]{0,5}$/;

/** Anything that could be a slug we made; everything else is answered 404 without a query. */
export function isPlausibleSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

/**
 * A list's page from its address: `/news` is page 1, `/news/page/2` page 2. An address, not a
 * query, so each page is one cacheable document; `/news/page/1` and anything but a plain number are null (404).
 */
export function pageFromSegment(value: string | undefined): number | null {
  if (value === undefined) return 1;
  return PAGE_PATTERN.test(value) && value !== "1" ? Number(value) : null;
}

/**
 * A slug from a dynamic segment of the address, or null if it cannot be one we made. Next hands
 * segments over still percent-encoded (vercel/next.js#62039: "東京" arrives as %E6%9D%B1%E4%BA%AC);
 * a slug never contains "%", so decoding once is right whether or not Next already did.
 */
export function slugParam(value: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value).normalize("NFKC");
  } catch {
    return null;
  }
  return isPlausibleSlug(decoded) ? decoded : null;
}

/** `?page=` as a page number: absent is 1; anything but a plain positive number is null (404). */
export function pageNumber(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== "string" || !PAGE_PATTERN.test(value)) return null;
  return Number(value);
}

export type Paging = { page: number; pageCount: number; offset: number };

/** A page past the last one does not exist, except page 1 of an empty list. */
export function paging(page: number, perPage: number, total: number): Paging | null {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  return page > pageCount ? null : { page, pageCount, offset: (page - 1) * perPage };
}
