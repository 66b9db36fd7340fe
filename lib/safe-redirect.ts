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

/**
 * Whether a return address handed to Auth.js (as callbackUrl or its cookie) is ours: a path
 * safeCallbackPath keeps as it is, or an http(s) URL on `host` whose path is one.
 */
export function isOwnReturnAddress(value: string, host: string): boolean {
  if (safeCallbackPath(value) === value) return true;
  try {
    const url = new URL(value);
    const path = `${url.pathname}${url.search}${url.hash}`;
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === host.toLowerCase() && safeCallbackPath(path) === path;
  } catch {
    return false;
  }
}
