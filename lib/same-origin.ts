/**
 * Whether a state-changing request comes from a page of this site (CSRF protection for route
 * handlers, which unlike server actions get no such check from Next).
 *
 * Compared like Next's own server-action check: the Origin's host against X-Forwarded-Host or Host.
 * Not against `request.url`, which behind scripts/next-server.ts always says localhost:PORT; and not
 * the scheme, which is unknown behind a TLS-terminating proxy. X-Forwarded-Host only reaches the
 * app when TRUST_PROXY is set (next-server deletes it otherwise), so a client cannot pick it.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, some redirects) and garbage
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const ownHost = forwarded || request.headers.get("host") || new URL(request.url).host;
  return originHost !== "" && originHost.toLowerCase() === ownHost.toLowerCase();
}
