import "server-only";
import { unstable_cache } from "next/cache";

export { cacheTags } from "./cache-tag-names";

const noteTags = async () => true;

/**
 * Records tags on the page being rendered. `cacheTag` would say it directly, but only inside
 * 'use cache' (which needs `cacheComponents` across the whole app); Next records the tags of an
 * `unstable_cache` read on the page in the same way, and the page cache keeps none of those reads.
 */
export async function tagPage(...tags: string[]): Promise<void> {
  await unstable_cache(noteTags, ["page-tags", ...tags], { tags })();
}
