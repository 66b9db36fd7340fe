import "server-only";
import { unstable_cache } from "next/cache";

/**
 * Cache tags name what a public page shows, so a change purges exactly the pages showing it
 * (lib/public/purge.ts); the page cache answers them as Surrogate-Key and Cache-Tag headers.
 * Every page shows the site's name and sections (`site`).
 */
export const cacheTags = {
  site: "site",
  home: "home",
  corrections: "corrections",
  feeds: "feeds",
  story: (id: string) => `story-${id}`,
  section: (id: string) => `section-${id}`,
  author: (id: string) => `author-${id}`,
  tag: (id: string) => `tag-${id}`,
  /** 404s at story-shaped addresses: any story going live may take one. */
  unknownAddresses: "unknown-addresses",
};

const noteTags = async () => true;

/**
 * Records tags on the page being rendered. `cacheTag` would say it directly, but only inside
 * 'use cache' (which needs `cacheComponents` across the whole app); Next records the tags of an
 * `unstable_cache` read on the page in the same way, and the page cache keeps none of those reads.
 */
export async function tagPage(...tags: string[]): Promise<void> {
  await unstable_cache(noteTags, ["page-tags", ...tags], { tags })();
}
