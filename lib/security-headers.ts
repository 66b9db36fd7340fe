import { mediaPublicOrigin } from "./media/public-url";

/**
 * The content security policy. Desk, sign-in and other personal pages get a fresh nonce per
 * request (proxy.ts); public pages are the same bytes for every reader, so their inline scripts are
 * allowed by hash instead (lib/public/cache-policy.ts). Either way no other script runs: staff read
 * the public site while signed in, and a script there could act with their session.
 */
export type ScriptAllowance = { nonce: string } | { scripts: string[] };
export type PolicyContext = ScriptAllowance & { dev: boolean; frames?: string[] };

export function contentSecurityPolicy(context: PolicyContext): string {
  // 'strict-dynamic' lets the nonce'd bootstrap load the page's chunks; with hashes, the chunks
  // are parser-inserted from this site, which 'self' allows.
  const scripts = "nonce" in context ? `'nonce-${context.nonce}' 'strict-dynamic'` : context.scripts.join(" ");
  const frames = context.frames ?? [];
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts}${context.dev ? " 'unsafe-eval'" : ""}`.trimEnd(),
    // Tiptap and React set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Media come from this site, or from the CDN or bucket MEDIA_PUBLIC_URL names.
    `img-src 'self' data: blob:${mediaPublicOrigin() ? ` ${mediaPublicOrigin()}` : ""}`,
    "font-src 'self'",
    `connect-src 'self'${context.dev ? " ws: wss:" : ""}`,
    ...(frames.length > 0 ? [`frame-src ${frames.join(" ")}`] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** Headers on every answer, whoever renders it (next.config.ts). */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "x-frame-options": "DENY",
};

/** For answers that are not pages (the API, media): nothing may run, load or frame them. */
export const NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
