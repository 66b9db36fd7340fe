import { frameProvider } from "./providers";

// The renderer writes every attribute as name="value", with & < > " escaped.
const FRAME_SRC_ATTRIBUTE = /\sdata-embed-frame-src="([^"]*)"/g;

function unescapeAttribute(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);
}

/**
 * The origins a page's Content-Security-Policy should allow as frame sources: those of the
 * allowlisted players named in its rendered story HTML, sorted, each once. Anything the allowlist
 * does not accept is left out, so the page cannot frame it.
 */
export function embedFrameOrigins(html: string): string[] {
  const origins = new Set<string>();
  for (const [, value] of html.matchAll(FRAME_SRC_ATTRIBUTE)) {
    const provider = frameProvider(unescapeAttribute(value));
    if (provider) origins.add(provider.frameOrigin);
  }
  return [...origins].sort();
}
