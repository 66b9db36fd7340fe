/** Previous/next links for a paginated list; `href(page)` builds each page's address. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-8 flex items-center justify-between gap-4 border-t border-stone-300 pt-4 text-sm dark:border-stone-700">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className="underline">
          Previous page
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next" className="underline">
          Next page
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** A list's page n at `base/page/n`, page 1 at `base` itself (see lib/public/params.ts pageFromSegment). */
export function pageHref(base: string, page: number): string {
  return page > 1 ? `${base === "/" ? "" : base}/page/${page}` : base;
}

/** Lists that vary by a query (search, the desk's filtered lists) keep their page in it: `?q=…&page=n`. */
export function queryPageHref(base: string, page: number, params: Record<string, string>): string {
  const query = new URLSearchParams(params);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}
