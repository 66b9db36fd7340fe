import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sharp from "sharp";

/**
 * The providers' oEmbed endpoints and thumbnail hosts, played from stored answers
 * (tests/fixtures/oembed/<provider>.json) by a plain HTTP server on loopback. A server started with
 * EMBED_FETCH_STAND_IN pointing here sends each request as `/<real host><path>` (see
 * lib/embeds/guarded-fetch.ts#standInDeps), so nothing leaves the machine. A link with the word
 * "unavailable" in it (https://youtu.be/unavailable) plays a provider that has nothing to say: 404.
 */
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/oembed");

const OEMBED_HOSTS: Record<string, string> = {
  "www.youtube.com": "youtube",
  "vimeo.com": "vimeo",
  "publish.twitter.com": "x",
  "embed.bsky.app": "bluesky",
  "www.tiktok.com": "tiktok",
  "soundcloud.com": "soundcloud",
  "open.spotify.com": "spotify",
  "api.datawrapper.de": "datawrapper",
  "app.flourish.studio": "flourish",
};

const THUMBNAIL_HOSTS = /(^|\.)(ytimg\.com|vimeocdn\.com|sndcdn\.com|spotifycdn\.com|scdn\.co|tiktokcdn\.com|dwcdn\.net|flourish\.studio)$/;

export function oembedFixture(provider: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${provider}.json`), "utf8")) as Record<string, unknown>;
}

export type OembedStandIn = { url: string; requests: string[]; stop: () => Promise<void> };

export async function startOembedStandIn(port = 0): Promise<OembedStandIn> {
  const thumbnail = await sharp({ create: { width: 480, height: 360, channels: 3, background: { r: 40, g: 90, b: 160 } } }).jpeg().toBuffer();
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const [, host = ""] = /^\/([^/]+)/.exec(request.url ?? "") ?? [];
    requests.push(request.url ?? "");
    const provider = OEMBED_HOSTS[host];
    if (decodeURIComponent(request.url ?? "").includes("unavailable")) {
      response.writeHead(404).end();
    } else if (provider && fs.existsSync(path.join(FIXTURES, `${provider}.json`))) {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(oembedFixture(provider)));
    } else if (THUMBNAIL_HOSTS.test(host)) {
      response.writeHead(200, { "content-type": "image/jpeg", "content-length": thumbnail.length }).end(thumbnail);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
