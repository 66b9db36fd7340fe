import { withPublicMediaUrls } from "@/lib/media/public-url";
import type { StandingPageView } from "@/lib/public/standing-page";
import { pageStructuredData } from "@/lib/public/structured-data";
import { JsonLd } from "./json-ld";
import { PublicTime } from "./public-time";

/**
 * A standing page (About, Ethics policy…) as readers see it: no section, bylines or tags, the
 * body made at publish time by the one shared renderer.
 */
export function StandingPage({ page, publication, origin }: StandingPageView) {
  return (
    <article className="mx-auto max-w-2xl">
      <JsonLd data={pageStructuredData(page, publication, origin)} />
      <header>
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-4xl md:text-5xl">{page.headline}</h1>
        {page.dek && <p className="mt-4 text-xl leading-snug text-stone-700 dark:text-stone-300">{page.dek}</p>}
      </header>
      <div
        className="prose prose-stone prose-lg mt-8 max-w-none font-serif dark:prose-invert"
        dangerouslySetInnerHTML={{ __html: withPublicMediaUrls(page.bodyHtml) }}
      />
      <p className="mt-10 border-t border-stone-300 pt-3 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
        Last updated <PublicTime date={page.updatedAt ?? page.publishedAt} timeZone={publication.timezone} withTime={false} />
      </p>
    </article>
  );
}
