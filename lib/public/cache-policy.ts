import crypto from "node:crypto";
import { Parser } from "htmlparser2";
import { contentSecurityPolicy } from "../security-headers";

/**
 * What makes a public page cacheable by anyone: the same bytes for every reader, a policy that
 * needs no per-request nonce, and tags naming what it shows so a change purges exactly those pages.
 * Computed once when the page is rendered and stored with it (lib/page-cache/handler.ts).
 */

/** How long a shared cache (CDN, Varnish) may keep a page without asking: purges make it fresh sooner. */
export function sharedCacheSeconds(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.PUBLIC_CACHE_SECONDS);
  if (Number.isInteger(configured) && configured >= 0) return configured;
  // Without a purge hook a CDN only learns of changes when its copy expires.
  return env.CACHE_PURGE_URL ? 86_400 : 60;
}

/** Browsers always ask again (max-age=0) and get a 304 when nothing changed; shared caches keep the page. */
export function publicCacheControl(env: Record<string, string | undefined> = process.env): string {
  return `public, max-age=0, s-maxage=${sharedCacheSeconds(env)}, stale-while-revalidate=60`;
}

export const PRIVATE_CACHE_CONTROL = "private, no-store";

const EXECUTABLE_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);

/**
 * What the policy must allow in a rendered page: the hash of each inline script the framework
 * wrote (its hydration data), and the frame addresses of the embeds the page holds.
 */
export function pageNeeds(html: string, frameSrcAllowed: (src: string) => boolean): { scriptHashes: string[]; frameOrigins: string[] } {
  const scriptHashes = new Set<string>();
  const frameOrigins = new Set<string>();
  let inlineScript: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const type = (attributes.type ?? "").trim().toLowerCase();
        if (name === "script" && attributes.src === undefined && EXECUTABLE_TYPES.has(type)) inlineScript = "";
        const frameSrc = attributes["data-embed-frame-src"];
        if (frameSrc && frameSrcAllowed(frameSrc)) frameOrigins.add(new URL(frameSrc).origin);
      },
      ontext(text) {
        if (inlineScript !== undefined) inlineScript += text;
      },
      onclosetag(name) {
        if (name !== "script" || inlineScript === undefined) return;
        scriptHashes.add(`'sha256-${crypto.createHash("sha256").update(inlineScript, "utf8").digest("base64")}'`);
        inlineScript = undefined;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return { scriptHashes: [...scriptHashes].sort(), frameOrigins: [...frameOrigins].sort() };
}

/** Headers any cached public answer (a page, a feed) is stored and answered with. */
export function sharedCacheHeaders(tags: string[]): Record<string, string> {
  return {
    "cache-control": publicCacheControl(),
    // Fastly and Varnish read Surrogate-Key, Cloudflare reads Cache-Tag (comma-separated).
    "surrogate-key": tags.join(" "),
    "cache-tag": tags.join(","),
  };
}

/** A page's, with the policy allowing exactly its own scripts and embeds. */
export function publicPageHeaders(html: string, tags: string[], frameSrcAllowed: (src: string) => boolean): Record<string, string> {
  const { scriptHashes, frameOrigins } = pageNeeds(html, frameSrcAllowed);
  return {
    "content-security-policy": contentSecurityPolicy({ scripts: scriptHashes, frames: frameOrigins, dev: false }),
    ...sharedCacheHeaders(tags),
  };
}
