import type { PageLink } from "@/db/queries/public-pages";
import { pagePath } from "@/lib/public/urls";

export function SiteFooter({ name, pages }: { name: string; pages: Pick<PageLink, "slug" | "headline">[] }) {
  return (
    <footer className="mt-16 border-t border-stone-300 dark:border-stone-700">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-stone-600 dark:text-stone-400">
        <p>{name}</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-4">
            {pages.map((page) => (
              <li key={page.slug}>
                <a href={pagePath(page.slug)} className="underline">
                  {page.headline}
                </a>
              </li>
            ))}
            <li>
              <a href="/corrections" className="underline">
                Corrections
              </a>
            </li>
            <li>
              <a href="/feed.xml" className="underline">
                RSS feed
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
