import crypto from "node:crypto";
import { FRAME_SRC_ATTRIBUTE } from "../embeds/providers";
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
/** A start tag as React and Next write them: `>` and quotes inside a value are always escaped or quoted. */
const START_TAG = /<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
/** Where a script's text ends, as a browser reads it (the script data state ends at `</script`). */
const SCRIPT_END = /<\/script[\s/>]/gi;

/**
 * What the policy must allow in a rendered page: the hash of each inline script the framework
 * wrote (its hydration data), and the frame addresses of the embeds the page holds. Reads only
 * start tags and scripts' text: this runs on every first render, where a full HTML parse cost a
 * few percent of the render.
 */
export function pageNeeds(html: string, frameSrcAllowed: (src: string) => boolean): { scriptHashes: string[]; frameOrigins: string[] } {
  const scriptHashes = new Set<string>();
  const frameOrigins = new Set<string>();
  START_TAG.lastIndex = 0;
  for (let tag = START_TAG.exec(html); tag; tag = START_TAG.exec(html)) {
    const [, name, attributeText] = tag;
    if (name.toLowerCase() === "script") {
      SCRIPT_END.lastIndex = START_TAG.lastIndex;
      const end = SCRIPT_END.exec(html)?.index ?? html.length;
      const attributes = attributesOf(attributeText);
      const type = (attributes.get("type") ?? "").trim().toLowerCase();
      if (!attributes.has("src") && EXECUTABLE_TYPES.has(type)) {
        scriptHashes.add(`'sha256-${crypto.createHash("sha256").update(html.slice(START_TAG.lastIndex, end), "utf8").digest("base64")}'`);
      }
      START_TAG.lastIndex = end;
    } else if (attributeText.includes(FRAME_SRC_ATTRIBUTE)) {
      const frameSrc = attributesOf(attributeText).get(FRAME_SRC_ATTRIBUTE);
      if (frameSrc && frameSrcAllowed(frameSrc)) frameOrigins.add(new URL(frameSrc).origin);
    }
  }
  return { scriptHashes: [...scriptHashes].sort(), frameOrigins: [...frameOrigins].sort() };
}

/** A start tag's attributes by lower-case name, values as written (a URL's origin needs no decoding). */
function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, doubleQuoted, singleQuoted, unquoted] of text.matchAll(ATTRIBUTE)) {
    const key = name.toLowerCase();
    if (!attributes.has(key)) attributes.set(key, doubleQuoted ?? singleQuoted ?? unquoted ?? "");
  }
  return attributes;
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
