import "server-only";
import { liveStoryFootprint, type StoryFootprint } from "@/db/queries/public-footprint";
import { cacheTags } from "./cache-tags";

/**
 * Tells the cache in front of the site (a CDN, Varnish) which pages changed, by their cache tags,
 * at CACHE_PURGE_URL: a POST naming the tags in a Surrogate-Key header (Varnish, Fastly) and as
 * JSON `{"tags": [...]}` (Cloudflare), with CACHE_PURGE_HEADER ("Name: value", e.g. the CDN's
 * key) when set. The origin itself needs no purge (lib/page-cache/handler.ts). A purge that fails is
 * retried a few times; after that the shared copy expires by its s-maxage.
 */
const ATTEMPT_MS = 3_000;
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];

export async function purgeCacheTags(tags: string[]): Promise<void> {
  const url = process.env.CACHE_PURGE_URL?.trim();
  if (!url || tags.length === 0) return;
  const unique = [...new Set(tags)].sort();
  if (await sendPurge(url, unique)) return;
  void (async () => {
    for (const delay of RETRY_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (await sendPurge(url, unique)) return;
    }
    console.error(`Purging ${unique.join(" ")} at CACHE_PURGE_URL failed ${RETRY_DELAYS_MS.length + 1} times; shared caches keep those pages until they expire.`);
  })();
}

async function sendPurge(url: string, tags: string[]): Promise<boolean> {
  const credential = purgeCredential(process.env.CACHE_PURGE_HEADER);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "surrogate-key": tags.join(" "), ...credential },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(ATTEMPT_MS),
    });
    if (response.ok) return true;
    console.error(`CACHE_PURGE_URL answered ${response.status} to a purge of ${tags.join(" ")}.`);
  } catch (error) {
    console.error(`CACHE_PURGE_URL could not be reached to purge ${tags.join(" ")}:`, error instanceof Error ? error.message : error);
  }
  return false;
}

/** "Fastly-Key: abc" or "Authorization: Bearer abc" as a header to send with each purge. */
export function purgeCredential(line: string | undefined): Record<string, string> {
  const match = /^\s*([A-Za-z0-9-]+)\s*:\s*(.+?)\s*$/.exec(line ?? "");
  return match ? { [match[1].toLowerCase()]: match[2] } : {};
}

/** The pages a story showed on before a change and shows on after it. */
export async function purgeStoryChange(storyId: string, before: StoryFootprint | null): Promise<void> {
  const after = await liveStoryFootprint(storyId);
  if (!before && !after) return;
  const tags = [cacheTags.story(storyId), cacheTags.home, cacheTags.feeds, cacheTags.corrections, cacheTags.unknownAddresses];
  for (const footprint of [before, after]) {
    if (!footprint) continue;
    if (footprint.kind === "page") {
      tags.push(cacheTags.site);
      continue;
    }
    tags.push(cacheTags.section(footprint.sectionId), ...footprint.authorIds.map(cacheTags.author), ...footprint.tagIds.map(cacheTags.tag));
  }
  await purgeCacheTags(tags);
}

/** The site's name, logo or sections show on every page. */
export const purgeWholeSite = () => purgeCacheTags([cacheTags.site]);

/** An author's name, address, bio or avatar: their page and every story they wrote. */
export const purgeAuthor = (userId: string) => purgeCacheTags([cacheTags.author(userId)]);
