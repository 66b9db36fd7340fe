/**
 * The embed allowlist: which links become embeds, where their metadata comes from (oEmbed) and
 * which address the reader's browser loads once they ask for it. Nothing outside this list is
 * embedded: a link from anywhere else stays a link. Browser-safe: the public page's loader and the
 * editor use it too, so it imports nothing.
 */

/** The attribute a rendered embed names its player's address in: what a page must allow framing, and what the loader wires. */
export const FRAME_SRC_ATTRIBUTE = "data-embed-frame-src";

export const EMBED_PROVIDER_IDS = [
  "youtube",
  "vimeo",
  "x",
  "bluesky",
  "instagram",
  "tiktok",
  "soundcloud",
  "spotify",
  "datawrapper",
  "flourish",
  "googleMaps",
] as const;

export type EmbedProviderId = (typeof EMBED_PROVIDER_IDS)[number];

/** A link recognised as one provider's: its canonical address and, when the link alone decides it, the iframe's. */
export type EmbedMatch = { provider: EmbedProvider; url: string; frameSrc: string | null };

export type EmbedProvider = {
  id: EmbedProviderId;
  name: string;
  /** The only origin its iframe may load from. */
  frameOrigin: string;
  /** Paths its iframe may load (the query is the provider's business). */
  framePath: RegExp;
  /** The provider's oEmbed endpoint for a canonical link; null where it needs an account key (Instagram) or has none (Google Maps). */
  oembedUrl: ((url: string) => string) | null;
  /** Hosts (and their subdomains) its thumbnails may be copied from. */
  thumbnailHosts: readonly string[];
  /** Width over height when the oEmbed answer gives no size. */
  aspectRatio: number;
  match: (url: URL) => { url: string; frameSrc: string | null } | null;
  /** For providers whose iframe address needs what only the oEmbed answer says (Bluesky's post id). */
  frameFromOembedHtml?: (html: string) => string | null;
};

const hostIs = (url: URL, ...hosts: string[]) => hosts.includes(url.hostname);
const oembed = (endpoint: string) => (url: string) => `${endpoint}${endpoint.includes("?") ? "&" : "?"}url=${encodeURIComponent(url)}`;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function youtubeId(url: URL): string | null {
  if (hostIs(url, "youtu.be")) return url.pathname.slice(1).split("/")[0] ?? null;
  if (!hostIs(url, "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com")) return null;
  if (url.pathname === "/watch") return url.searchParams.get("v");
  return /^\/(?:shorts|embed|live)\/([^/]+)\/?$/.exec(url.pathname)?.[1] ?? null;
}

const BLUESKY_AT_URI = /data-bluesky-uri="at:\/\/(did:[a-z0-9]+:[A-Za-z0-9._:%-]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9]+)"/;

export const EMBED_PROVIDERS: readonly EmbedProvider[] = [
  {
    id: "youtube",
    name: "YouTube",
    // The no-cookie domain sets no cookies until the reader plays the video.
    frameOrigin: "https://www.youtube-nocookie.com",
    framePath: /^\/embed\/[A-Za-z0-9_-]{11}$/,
    oembedUrl: oembed("https://www.youtube.com/oembed?format=json"),
    thumbnailHosts: ["ytimg.com"],
    aspectRatio: 16 / 9,
    match: (url) => {
      const id = youtubeId(url);
      if (!id || !YOUTUBE_ID.test(id)) return null;
      return { url: `https://www.youtube.com/watch?v=${id}`, frameSrc: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` };
    },
  },
  {
    id: "vimeo",
    name: "Vimeo",
    frameOrigin: "https://player.vimeo.com",
    framePath: /^\/video\/\d+$/,
    oembedUrl: oembed("https://vimeo.com/api/oembed.json"),
    thumbnailHosts: ["vimeocdn.com"],
    aspectRatio: 16 / 9,
    match: (url) => {
      const id =
        (hostIs(url, "vimeo.com", "www.vimeo.com") && /^\/(\d+)\/?$/.exec(url.pathname)?.[1]) ||
        (hostIs(url, "player.vimeo.com") && /^\/video\/(\d+)\/?$/.exec(url.pathname)?.[1]);
      return id ? { url: `https://vimeo.com/${id}`, frameSrc: `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1` } : null;
    },
  },
  {
    id: "x",
    name: "X",
    frameOrigin: "https://platform.twitter.com",
    framePath: /^\/embed\/Tweet\.html$/,
    oembedUrl: oembed("https://publish.twitter.com/oembed?omit_script=true&dnt=true"),
    thumbnailHosts: [],
    aspectRatio: 1,
    match: (url) => {
      if (!hostIs(url, "x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com")) return null;
      const [, user, id] = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,25})\/?$/.exec(url.pathname) ?? [];
      return id ? { url: `https://twitter.com/${user}/status/${id}`, frameSrc: `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true` } : null;
    },
  },
  {
    id: "bluesky",
    name: "Bluesky",
    frameOrigin: "https://embed.bsky.app",
    framePath: /^\/embed\/did:[a-z0-9]+:[A-Za-z0-9._:%-]+\/app\.bsky\.feed\.post\/[A-Za-z0-9]+$/,
    oembedUrl: oembed("https://embed.bsky.app/oembed?format=json"),
    thumbnailHosts: [],
    aspectRatio: 1,
    match: (url) => {
      if (!hostIs(url, "bsky.app")) return null;
      const [, actor, post] = /^\/profile\/([A-Za-z0-9._:%-]{3,253})\/post\/([A-Za-z0-9]{1,32})\/?$/.exec(url.pathname) ?? [];
      if (!post) return null;
      // A link naming the account by its handle needs the oEmbed answer for the account's permanent id.
      const frameSrc = actor.startsWith("did:") ? `https://embed.bsky.app/embed/${actor}/app.bsky.feed.post/${post}` : null;
      return { url: `https://bsky.app/profile/${actor}/post/${post}`, frameSrc };
    },
    frameFromOembedHtml: (html) => {
      const [, did, post] = BLUESKY_AT_URI.exec(html) ?? [];
      return did ? `https://embed.bsky.app/embed/${did}/app.bsky.feed.post/${post}` : null;
    },
  },
  {
    id: "instagram",
    name: "Instagram",
    frameOrigin: "https://www.instagram.com",
    framePath: /^\/(?:p|reel|tv)\/[A-Za-z0-9_-]{1,40}\/embed\/?$/,
    oembedUrl: null,
    thumbnailHosts: [],
    aspectRatio: 4 / 5,
    match: (url) => {
      if (!hostIs(url, "instagram.com", "www.instagram.com")) return null;
      const [, kind, code] = /^\/(p|reel|tv)\/([A-Za-z0-9_-]{1,40})\/?$/.exec(url.pathname) ?? [];
      return code ? { url: `https://www.instagram.com/${kind}/${code}/`, frameSrc: `https://www.instagram.com/${kind}/${code}/embed` } : null;
    },
  },
  {
    id: "tiktok",
    name: "TikTok",
    frameOrigin: "https://www.tiktok.com",
    framePath: /^\/embed\/v2\/\d+$/,
    oembedUrl: oembed("https://www.tiktok.com/oembed"),
    thumbnailHosts: ["tiktokcdn.com", "tiktokcdn-us.com"],
    aspectRatio: 9 / 16,
    match: (url) => {
      if (!hostIs(url, "tiktok.com", "www.tiktok.com", "m.tiktok.com")) return null;
      const [, user, id] = /^\/@([A-Za-z0-9._]{1,64})\/video\/(\d{1,25})\/?$/.exec(url.pathname) ?? [];
      return id ? { url: `https://www.tiktok.com/@${user}/video/${id}`, frameSrc: `https://www.tiktok.com/embed/v2/${id}` } : null;
    },
  },
  {
    id: "soundcloud",
    name: "SoundCloud",
    frameOrigin: "https://w.soundcloud.com",
    framePath: /^\/player\/$/,
    oembedUrl: oembed("https://soundcloud.com/oembed?format=json"),
    thumbnailHosts: ["sndcdn.com"],
    aspectRatio: 16 / 9,
    match: (url) => {
      if (!hostIs(url, "soundcloud.com", "www.soundcloud.com", "m.soundcloud.com")) return null;
      const path = /^\/[A-Za-z0-9_-]{1,100}\/(?:sets\/)?[A-Za-z0-9_-]{1,200}\/?$/.exec(url.pathname)?.[0]?.replace(/\/$/, "");
      if (!path) return null;
      const canonical = `https://soundcloud.com${path}`;
      return { url: canonical, frameSrc: `https://w.soundcloud.com/player/?url=${encodeURIComponent(canonical)}&visual=true&auto_play=true` };
    },
  },
  {
    id: "spotify",
    name: "Spotify",
    frameOrigin: "https://open.spotify.com",
    framePath: /^\/embed\/(?:track|album|playlist|episode|show|artist)\/[A-Za-z0-9]{22}$/,
    oembedUrl: oembed("https://open.spotify.com/oembed"),
    thumbnailHosts: ["scdn.co", "spotifycdn.com"],
    aspectRatio: 2,
    match: (url) => {
      if (!hostIs(url, "open.spotify.com")) return null;
      const [, kind, id] = /^(?:\/intl-[a-z-]{2,8})?\/(track|album|playlist|episode|show|artist)\/([A-Za-z0-9]{22})\/?$/.exec(url.pathname) ?? [];
      return id ? { url: `https://open.spotify.com/${kind}/${id}`, frameSrc: `https://open.spotify.com/embed/${kind}/${id}` } : null;
    },
  },
  {
    id: "datawrapper",
    name: "Datawrapper",
    frameOrigin: "https://datawrapper.dwcdn.net",
    framePath: /^\/[A-Za-z0-9]{5}\/(?:\d{1,4}\/)?$/,
    oembedUrl: oembed("https://api.datawrapper.de/v3/oembed?format=json"),
    thumbnailHosts: ["dwcdn.net", "datawrapper.de"],
    aspectRatio: 4 / 3,
    match: (url) => {
      const [, id, version] =
        (hostIs(url, "datawrapper.dwcdn.net") && /^\/([A-Za-z0-9]{5})\/(?:(\d{1,4})\/?)?$/.exec(url.pathname)) ||
        (hostIs(url, "www.datawrapper.de", "datawrapper.de") && /^\/_\/([A-Za-z0-9]{5})\/?$/.exec(url.pathname)) ||
        [];
      if (!id) return null;
      const canonical = `https://datawrapper.dwcdn.net/${id}/${version ? `${version}/` : ""}`;
      return { url: canonical, frameSrc: canonical };
    },
  },
  {
    id: "flourish",
    name: "Flourish",
    frameOrigin: "https://flo.uri.sh",
    framePath: /^\/(?:visualisation|story)\/\d{1,12}\/embed$/,
    oembedUrl: oembed("https://app.flourish.studio/api/v1/oembed?format=json"),
    thumbnailHosts: ["flourish.studio"],
    aspectRatio: 4 / 3,
    match: (url) => {
      if (!hostIs(url, "public.flourish.studio", "flo.uri.sh")) return null;
      const [, kind, id] = /^\/(visualisation|story)\/(\d{1,12})(?:\/(?:embed)?)?\/?$/.exec(url.pathname) ?? [];
      return id ? { url: `https://public.flourish.studio/${kind}/${id}/`, frameSrc: `https://flo.uri.sh/${kind}/${id}/embed` } : null;
    },
  },
  {
    id: "googleMaps",
    name: "Google Maps",
    frameOrigin: "https://www.google.com",
    framePath: /^\/maps(?:\/embed)?$/,
    oembedUrl: null,
    thumbnailHosts: [],
    aspectRatio: 4 / 3,
    match: (url) => {
      if (!hostIs(url, "www.google.com", "google.com", "maps.google.com")) return null;
      // "Share → Embed a map" gives /maps/embed?pb=…, which needs no key; a search link (?q=) has an embeddable form too.
      const pb = url.pathname === "/maps/embed" ? url.searchParams.get("pb") : null;
      if (pb && /^[A-Za-z0-9!._%:-]{1,4000}$/.test(pb)) {
        const canonical = `https://www.google.com/maps/embed?pb=${pb}`;
        return { url: canonical, frameSrc: canonical };
      }
      const query = /^\/maps\/?$|^\/$/.test(url.pathname) ? url.searchParams.get("q")?.trim() : null;
      if (!query || query.length > 500) return null;
      return {
        url: `https://www.google.com/maps?q=${encodeURIComponent(query)}`,
        frameSrc: `https://www.google.com/maps?q=${encodeURIComponent(query)}&output=embed`,
      };
    },
  },
];

const BY_ID = new Map(EMBED_PROVIDERS.map((provider) => [provider.id, provider]));

export function embedProvider(id: unknown): EmbedProvider | null {
  return (typeof id === "string" && BY_ID.get(id as EmbedProviderId)) || null;
}

const MAX_LINK_LENGTH = 4096;

function parseWebUrl(text: string): URL | null {
  if (text.length > MAX_LINK_LENGTH || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password || url.port) return null;
  return url;
}

/** The provider a link belongs to, with its canonical form, or null: it stays a plain link. */
export function matchEmbedUrl(text: string): EmbedMatch | null {
  const url = parseWebUrl(text.trim());
  if (!url) return null;
  for (const provider of EMBED_PROVIDERS) {
    const match = provider.match(url);
    if (match) return { provider, ...match };
  }
  return null;
}

/** The provider whose iframe may load this address, or null. */
export function frameProvider(src: string): EmbedProvider | null {
  const url = parseWebUrl(src);
  if (!url || url.protocol !== "https:") return null;
  return EMBED_PROVIDERS.find((provider) => provider.frameOrigin === url.origin && provider.framePath.test(url.pathname)) ?? null;
}

/**
 * Whether a page may frame this address: an allowlisted provider's player over HTTPS. The public
 * Content-Security-Policy allows the origins of the addresses this accepts, and nothing else.
 */
export function isAllowedFrameSrc(url: string): boolean {
  return frameProvider(url) !== null;
}
