import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OembedStandIn, startOembedStandIn } from "../support/oembed-stand-in";
import { createUser } from "../support/factories";

const previousDataDir = process.env.DATA_DIR;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-embeds-"));
process.env.DATA_DIR = dataDir;

const { addEmbed } = await import("@/lib/embeds/add-embed");
const { standInDeps } = await import("@/lib/embeds/guarded-fetch");
const { findMedia } = await import("@/db/queries/media");
const { parseStoryBody } = await import("@/lib/story-body/validate");

let standIn: OembedStandIn;
let writerId: string;

beforeAll(async () => {
  standIn = await startOembedStandIn();
  writerId = (await createUser()).id;
});

afterAll(async () => {
  await standIn.stop();
  process.env.DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const add = (link: string) => addEmbed(link, writerId, standInDeps(standIn.url));

describe("addEmbed (against stored oEmbed answers)", () => {
  it("describes a YouTube video from its oEmbed answer and keeps our own copy of the thumbnail", async () => {
    const added = await add("https://youtu.be/aqz-KE-bpKQ");
    if (!added.ok) throw new Error(added.error);
    expect(added.embed).toMatchObject({
      provider: "youtube",
      url: "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
      frameSrc: "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
      title: "Big Buck Bunny 60fps 4K - Official Blender Foundation Short Film",
      author: "Blender",
      aspectRatio: 1.7699,
    });
    expect(added.embed.thumbnail).toMatch(/^\/media\/[0-9a-f-]{36}\/w480\.webp$/);
    const row = await findMedia(added.embed.thumbnail.split("/")[2]);
    expect(row).toMatchObject({ uploadedBy: writerId, width: 480, height: 360 });
    expect(standIn.requests).toContain("/i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg");
  });

  it("gives a node the server's validation accepts, for every provider with an oEmbed answer", async () => {
    for (const link of [
      "https://datawrapper.dwcdn.net/Ab3dE/2/",
      "https://vimeo.com/1084537",
      "https://x.com/NASA/status/1613590504445018113",
      "https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l",
      "https://www.tiktok.com/@scout2015/video/6718335390845095173",
      "https://soundcloud.com/newsroom-audio/harbour-at-dawn",
      "https://open.spotify.com/track/4u7EnebtmKWzUH433cf5Qv",
      "https://public.flourish.studio/visualisation/1234567/",
    ]) {
      const added = await add(link);
      if (!added.ok) throw new Error(`${link}: ${added.error}`);
      const parsed = parseStoryBody({ type: "doc", content: [{ type: "embed", attrs: added.embed }] });
      expect(parsed.ok ? null : parsed.error, link).toBeNull();
    }
  });

  it("takes a post's first paragraph as its title, and Bluesky's player address from the answer", async () => {
    const tweet = await add("https://x.com/NASA/status/1613590504445018113");
    expect(tweet).toMatchObject({ ok: true, embed: { title: "Webb has confirmed its first exoplanet & it's Earth-sized. pic.twitter.com/x", author: "NASA", thumbnail: "" } });
    const post = await add("https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l");
    expect(post).toMatchObject({
      ok: true,
      embed: { frameSrc: "https://embed.bsky.app/embed/did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l6oveex3ii2l", title: "Starter packs are here." },
    });
  });

  it("embeds Instagram and Google Maps from the link alone: they have no oEmbed we may call", async () => {
    const before = standIn.requests.length;
    expect(await add("https://www.instagram.com/p/C1a2B3c4D5e/")).toMatchObject({ ok: true, embed: { provider: "instagram", title: "", thumbnail: "" } });
    expect(await add("https://www.google.com/maps?q=Reichstag")).toMatchObject({ ok: true, embed: { provider: "googleMaps" } });
    expect(standIn.requests.length).toBe(before);
  });

  it("leaves other links alone with a sentence, and a provider that fails leaves the link", async () => {
    expect(await add("https://example.com/video")).toEqual({ ok: false, error: expect.stringMatching(/^This link cannot be embedded: only links from YouTube, Vimeo/) });
    // Nothing listens on port 1: a provider that cannot be reached.
    const down = await addEmbed("https://youtu.be/aqz-KE-bpKQ", writerId, standInDeps("http://127.0.0.1:1"));
    expect(down).toEqual({ ok: false, error: "YouTube did not describe this link (The provider could not be reached.) It stays a link; try the Embed button again later." });
  });
});
