const FALLBACK = "/desk";

/** Only same-origin paths may be a place to return to after signing in. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return FALLBACK;
  }
  try {
    const base = "http://masthead.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return FALLBACK;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Dot segments can leave two slashes in front ("/.//evil" becomes "//evil"): another host to a browser.
    return path.startsWith("//") ? FALLBACK : path;
  } catch {
    return FALLBACK;
  }
}
