import { mediaPublicOrigin } from "./media/public-url";

/**
 * Headers on every response, set by the server in front of Next (scripts/next-server.ts), which
 * also hands Next the policy on the request so it puts the nonce on its own scripts.
 */
export type SecurityContext = { nonce: string; https: boolean; dev: boolean };

export function contentSecurityPolicy({ nonce, dev }: SecurityContext): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': Next's nonce'd bootstrap loads the page's chunks; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Tiptap and React set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Media come from this site, or from the CDN or bucket MEDIA_PUBLIC_URL names.
    `img-src 'self' data: blob:${mediaPublicOrigin() ? ` ${mediaPublicOrigin()}` : ""}`,
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(context),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "x-frame-options": "DENY",
    ...(context.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The nonce the server put in this request's policy (see scripts/next-server.ts), if any. */
export function nonceFromPolicy(policy: string | null): string | null {
  return policy ? (/'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] ?? null) : null;
}

/**
 * HTML rendered once and served many times carries the nonce of the request that rendered it;
 * each response gets its own instead. The old nonce is random, so only real nonce attributes match.
 */
export function withNonce(html: string, nonce: string): string {
  const rendered = /\snonce="([A-Za-z0-9+/=]+)"/.exec(html)?.[1];
  return rendered ? html.replaceAll(`nonce="${rendered}"`, `nonce="${nonce}"`) : html;
}
