const MAX_HREF_LENGTH = 2048;
const ALLOWED_SCHEMES = new Set(["http", "https", "mailto", "tel"]);
// Enough rounds to unwrap any layering a real editor produces; more layers than this is an attack.
const MAX_DECODE_ROUNDS = 8;

// Named references that can spell out or hide a scheme. Matched case-insensitively: refusing
// too much is safer than trusting a renderer that happens to be lenient about case.
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", tab: "\t", newline: "\n",
  colon: ":", semi: ";", sol: "/", bsol: "\\", lpar: "(", rpar: ")", period: ".", comma: ",",
  percnt: "%", num: "#", quest: "?", excl: "!", equals: "=", commat: "@", plus: "+", lowbar: "_",
  hyphen: "\u2010", dash: "\u2010", zwj: "\u200d", zwnj: "\u200c", shy: "\u00ad",
};

const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi;
const PERCENT_BYTE = /%([0-9a-f]{2})/gi;
// Browsers silently drop these while parsing a URL, so they can split a scheme ("java\tscript:").
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\s]/gu;
const SCHEME = /^[a-z][a-z0-9+.-]*$/i;

function decodeEntity(match: string, body: string): string {
  if (body[0] === "#") {
    const hex = body[1] === "x" || body[1] === "X";
    const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    return codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : "\ufffd";
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? match;
}

function decodeOnce(value: string): string {
  return value
    .replace(ENTITY, decodeEntity)
    .replace(PERCENT_BYTE, (_, byte: string) => String.fromCharCode(Number.parseInt(byte, 16)))
    .replace(INVISIBLE, "");
}

/** The href as a browser could end up reading it, or null when it keeps changing (layered encoding). */
function normalizeForDecision(href: string): string | null {
  let current = href.replace(INVISIBLE, "");
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    const next = decodeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * Whether a link target may appear in a story: http(s), mailto, tel, or a relative path.
 * The decision is made on a decoded, whitespace-free copy so that encodings cannot hide a scheme;
 * the caller keeps using the original string.
 */
export function isSafeHref(href: string): boolean {
  if (typeof href !== "string" || href.length === 0 || href.length > MAX_HREF_LENGTH) return false;
  const normalized = normalizeForDecision(href);
  if (!normalized) return false;
  // Browsers treat "\" like "/", so both of these can reach another host.
  if (normalized.includes("\\") || normalized.startsWith("//")) return false;

  const firstDelimiter = normalized.search(/[:/?#]/);
  if (firstDelimiter === -1 || normalized[firstDelimiter] !== ":") return true;

  const scheme = normalized.slice(0, firstDelimiter).toLowerCase();
  if (!SCHEME.test(scheme) || !ALLOWED_SCHEMES.has(scheme)) return false;
  const rest = normalized.slice(firstDelimiter + 1);
  if (scheme === "mailto" || scheme === "tel") return rest.length > 0;
  try {
    return new URL(normalized).hostname.length > 0;
  } catch {
    return false;
  }
}
