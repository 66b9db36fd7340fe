import "server-only";
import { cache } from "react";
import { readPublicState } from "@/db/queries/public-publication";
import { cacheTags, tagPage } from "./cache-tags";
import { freshRead } from "./fresh-read";

/**
 * The publication and its public version. Requests arriving together share one query (see
 * fresh-read.ts), so a busy site reads it a few hundred times a second, not once per request.
 */
export const currentPublicState = freshRead(readPublicState);

/**
 * The same, once per render: React's cache dedupes the layout's, the metadata's and the page's
 * calls. Every public page reads it before anything else it shows (the reads are keyed by its
 * version), so this is where a page names the version it was rendered from, for the page cache
 * (lib/page-cache/handler.ts), and that it shows the site's name and sections, for CDNs.
 */
export const publicState = cache(async () => {
  const state = await currentPublicState();
  await tagPage(cacheTags.site, cacheTags.publicVersion(state.version));
  return state;
});

