/** scripts/next-server.ts reduces X-Forwarded-For to the one address it trusts. */
export function clientIpFrom(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
