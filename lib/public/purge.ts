import "server-only";
import { claimDuePurges, dropPurgesQueuedBefore, forgetPurge, queuePurge, retryPurgeAt } from "@/db/queries/cache-purges";
import { liveStoryFootprint, type StoryFootprint } from "@/db/queries/public-footprint";
import { repeatInBackground } from "@/lib/background-work";
import { isShuttingDown } from "@/lib/shutdown";
import { sharedCacheSeconds } from "./cache-policy";
import { cacheTags } from "./cache-tags";

/**
 * Tells the cache in front of the site (a CDN, Varnish) which pages changed, by their cache tags,
 * at CACHE_PURGE_URL: a POST naming the tags in a Surrogate-Key header (Varnish, Fastly) and as
 * JSON `{"tags": [...]}` (Cloudflare), with CACHE_PURGE_HEADER ("Name: value", e.g. the CDN's
 * key) when set. The origin itself needs no purge (lib/page-cache/handler.ts). A purge that fails
 * is kept in the database and retried by any instance (`deliverDuePurges`) until one is taken, or
 * until the shared copies it would purge have expired by their s-maxage anyway.
 */
const ATTEMPT_MS = 3_000;
const BATCH = 20;
/** How long a claimed purge is a worker's before another may take it (the first died). */
const CLAIM_MS = 60_000;
const TICK_MS = 5_000;

/** 5 s, 30 s, 2 min, 10 min, then hourly: a CDN down for an afternoon still hears of every change. */
export function purgeRetryDelayMs(attempts: number): number {
  return [5_000, 30_000, 120_000, 600_000][attempts - 1] ?? 3_600_000;
}

export async function purgeCacheTags(tags: string[]): Promise<void> {
  const url = process.env.CACHE_PURGE_URL?.trim();
  if (!url || tags.length === 0) return;
  const unique = [...new Set(tags)].sort();
  if (await sendPurge(url, unique)) return;
  try {
    await queuePurge(unique, new Date(Date.now() + purgeRetryDelayMs(1)));
  } catch (error) {
    console.error(`A failed purge of ${unique.join(" ")} could not be kept for retrying; shared caches keep those pages until they expire.`, error);
  }
}

export type PurgeReport = { purged: number; retrying: number; expired: number };

/**
 * Retries every kept purge due at `now`, each taken by exactly one instance (claimDuePurges).
 * Those older than the shared copies' lifetime are dropped unsent: no cache holds those pages now.
 */
export async function deliverDuePurges(now: Date = new Date()): Promise<PurgeReport> {
  const report: PurgeReport = { purged: 0, retrying: 0, expired: 0 };
  report.expired = await dropPurgesQueuedBefore(new Date(now.getTime() - sharedCacheSeconds() * 1000));
  const url = process.env.CACHE_PURGE_URL?.trim();
  if (!url) return report;
  for (;;) {
    const claimed = await claimDuePurges(now, BATCH, CLAIM_MS);
    if (claimed.length === 0) return report;
    for (const purge of claimed) {
      if (await sendPurge(url, purge.tags)) {
        await forgetPurge(purge.id);
        report.purged += 1;
      } else {
        await retryPurgeAt(purge.id, new Date(now.getTime() + purgeRetryDelayMs(purge.attempts)));
        report.retrying += 1;
      }
    }
  }
}

const globalForWorker = globalThis as unknown as { mastheadPurgeWorker?: NodeJS.Timeout };

/** Every server process with a purge hook runs one, like the email worker. */
export function startPurgeWorker(): void {
  if (globalForWorker.mastheadPurgeWorker || !process.env.CACHE_PURGE_URL?.trim() || isShuttingDown()) return;
  globalForWorker.mastheadPurgeWorker = repeatInBackground("cache purge worker", TICK_MS, () => deliverDuePurges(), "Retrying cache purges failed; trying again shortly.");
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
