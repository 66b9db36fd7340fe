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

/** `base` with `?page=n`, leaving page 1 without it so it has one address. */
export function pageHref(base: string, page: number, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}
