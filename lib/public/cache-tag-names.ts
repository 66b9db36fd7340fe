/**
 * Cache tags name what a public page shows, so a change purges exactly the pages showing it
 * (lib/public/purge.ts); the page cache answers them as Surrogate-Key and Cache-Tag headers.
 * Every page shows the site's name and sections (`site`). Not "server-only": the page cache
 * reads them outside the app's bundle (lib/page-cache/).
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
  /** The page saying a story was taken down, answered 410 (proxy.ts): never a reader page to answer from memory. */
  removedStory: "removed-story",
  /**
   * The public version a page was rendered from (lib/public/state.ts): the page cache keeps the
   * page while that version holds. Not for CDNs, which are purged by the tags above.
   */
  publicVersion: (version: number) => `${PUBLIC_VERSION_TAG}${version}`,
};

const PUBLIC_VERSION_TAG = "public-version-";

/** The version a `publicVersion` tag names, if the tag is one. */
export function publicVersionOfTag(tag: string): number | undefined {
  if (!tag.startsWith(PUBLIC_VERSION_TAG)) return undefined;
  const version = Number(tag.slice(PUBLIC_VERSION_TAG.length));
  return Number.isSafeInteger(version) ? version : undefined;
}
