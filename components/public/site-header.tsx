import type { PlacedImage } from "@/db/queries/media";
import type { PublicSection } from "@/db/queries/public-lookups";
import { smallSrc } from "@/lib/media/file-names";
import { sectionPath } from "@/lib/public/urls";

type Props = { name: string; description: string; logo: PlacedImage | null; sections: PublicSection[] };

/** Masthead (the logo, when there is one, stands for the name), section navigation and a search form that works without JavaScript. */
export function SiteHeader({ name, description, logo, sections }: Props) {
  return (
    <header className="border-b-4 border-double border-stone-800 dark:border-stone-300">
      <div className="mx-auto max-w-5xl px-4 pt-6 pb-3 text-center">
        <a href="/" className="font-serif text-3xl font-bold tracking-tight sm:text-4xl">
          {logo ? <img src={smallSrc(logo.id, logo.width)} alt={name} width={logo.width} height={logo.height} className="mx-auto h-16 w-auto" /> : name}
        </a>
        {description && <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{description}</p>}
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 pb-3">
        <nav aria-label="Sections">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold uppercase tracking-wide">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={sectionPath(section.slug)} className="hover:underline">
                  {section.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div role="search" aria-label="Search the site">
          <form action="/search" method="get" className="flex gap-2">
            <label htmlFor="site-search" className="sr-only">
              Search stories
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              maxLength={200}
              placeholder="Search"
              className="w-36 rounded border border-stone-500 bg-white px-2 py-1 text-sm text-stone-900 dark:border-stone-400 dark:bg-stone-900 dark:text-stone-100"
            />
            <button type="submit" className="rounded bg-stone-800 px-3 py-1 text-sm font-semibold text-white dark:bg-stone-200 dark:text-stone-900">
              Search
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
