/**
 * Public reads are cached in this process, keyed by publication.public_version plus the query's
 * arguments. The version is bumped in the same transaction as every change readers can see, and
 * every request reads it first, so a new version means fresh data on the very next request, on
 * every instance sharing the database; nothing ever needs to be purged.
 *
 * Why not Next's caches: `'use cache'` needs `cacheComponents`, which would force Suspense
 * boundaries through the whole desk, and `unstable_cache` is its deprecated predecessor that
 * serialises to the incremental cache (Dates come back as strings, every hit is a disk read).
 * A bounded in-memory map is simpler, exact and as fast as it gets.
 */
export function versionedCache<Args extends unknown[], Result>(
  load: (...args: Args) => Promise<Result>,
  { maxEntries = 500 }: { maxEntries?: number } = {},
): (version: number, ...args: Args) => Promise<Result> {
  const entries = new Map<string, Promise<Result>>();
  let newestVersion = 0;
  return (version, ...args) => {
    if (version > newestVersion) {
      // Everything cached so far answered an older state of the site.
      entries.clear();
      newestVersion = version;
    }
    const key = `${version}\u0000${JSON.stringify(args)}`;
    const hit = entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting marks the entry as recently used.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const loading = load(...args);
    entries.set(key, loading);
    // A failure is never cached: the next request tries again.
    loading.catch(() => entries.delete(key));
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return loading;
  };
}
