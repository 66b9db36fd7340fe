import { tooManyMessage } from "./attempt-limits";
import { normalizeSearchQuery } from "./public/search-query";

/**
 * Searches are counted per client address in scripts/next-server.ts, before Next: an App Router
 * page cannot answer 429, and a refused search then costs one small query instead of a render.
 */

/** A search that runs: GET (or HEAD) of /search with words to look for. An empty search costs nothing and is not counted. */
export function isCountedSearch(method: string | undefined, target: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  let url: URL;
  try {
    url = new URL(target ?? "/", "http://localhost");
    // The router matches decoded paths, so /%73earch is a search too.
    if (decodeURIComponent(url.pathname) !== "/search") return false;
  } catch {
    return false;
  }
  return normalizeSearchQuery(url.searchParams.get("q") ?? undefined) !== "";
}

/** The page a limited search gets, with a 429 and Retry-After. No scripts: the policy needs no nonce. */
export function searchLimitedPage(retryAfterSeconds: number): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many searches</title></head>
<body>
<main>
<h1>Too many searches</h1>
<p>${tooManyMessage(retryAfterSeconds)}</p>
<p><a href="/">Go to the front page</a></p>
</main>
</body>
</html>
`;
}
