/**
 * The client address the app may rely on. Without a trusted proxy, a client-sent
 * X-Forwarded-For is a lie waiting to happen; with one, the proxy appends the
 * address it saw, so only the right-most entry is trustworthy.
 */
export function trustedClientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustProxy: boolean,
): string {
  const fallback = socketAddress ?? "unknown";
  if (!trustProxy || !forwardedFor) return fallback;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.at(-1) ?? fallback;
}
