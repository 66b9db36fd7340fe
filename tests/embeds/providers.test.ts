import { describe, expect, it } from "vitest";
import { EMBED_PROVIDERS, isAllowedFrameSrc, matchEmbedUrl } from "@/lib/embeds/providers";

describe("matchEmbedUrl", () => {
  it.each([
    ["https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=10", "youtube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"],
    ["https://youtu.be/aqz-KE-bpKQ?si=abc", "youtube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"],
    ["http://m.youtube.com/shorts/aqz-KE-bpKQ", "youtube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"],
    ["https://vimeo.com/1084537", "vimeo", "https://vimeo.com/1084537", "https://player.vimeo.com/video/1084537?dnt=1&autoplay=1"],
    ["https://x.com/NASA/status/1613590504445018113", "x", "https://twitter.com/NASA/status/1613590504445018113", "https://platform.twitter.com/embed/Tweet.html?id=1613590504445018113&dnt=true"],
    ["https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l", "bluesky", "https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l", null],
    ["https://www.instagram.com/reel/C1a2B3c4D5e/", "instagram", "https://www.instagram.com/reel/C1a2B3c4D5e/", "https://www.instagram.com/reel/C1a2B3c4D5e/embed"],
    ["https://www.tiktok.com/@scout2015/video/6718335390845095173", "tiktok", "https://www.tiktok.com/@scout2015/video/6718335390845095173", "https://www.tiktok.com/embed/v2/6718335390845095173"],
    ["https://soundcloud.com/newsroom-audio/harbour-at-dawn", "soundcloud", "https://soundcloud.com/newsroom-audio/harbour-at-dawn", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fnewsroom-audio%2Fharbour-at-dawn&visual=true&auto_play=true"],
    ["https://open.spotify.com/intl-de/track/4u7EnebtmKWzUH433cf5Qv?si=1", "spotify", "https://open.spotify.com/track/4u7EnebtmKWzUH433cf5Qv", "https://open.spotify.com/embed/track/4u7EnebtmKWzUH433cf5Qv"],
    ["https://datawrapper.dwcdn.net/Ab3dE/2/", "datawrapper", "https://datawrapper.dwcdn.net/Ab3dE/2/", "https://datawrapper.dwcdn.net/Ab3dE/2/"],
    ["https://www.datawrapper.de/_/Ab3dE/", "datawrapper", "https://datawrapper.dwcdn.net/Ab3dE/", "https://datawrapper.dwcdn.net/Ab3dE/"],
    ["https://public.flourish.studio/visualisation/1234567/", "flourish", "https://public.flourish.studio/visualisation/1234567/", "https://flo.uri.sh/visualisation/1234567/embed"],
    ["https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d2482.5", "googleMaps", "https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d2482.5", "https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d2482.5"],
    ["https://maps.google.com/?q=Brandenburger+Tor", "googleMaps", "https://www.google.com/maps?q=Brandenburger%20Tor", "https://www.google.com/maps?q=Brandenburger%20Tor&output=embed"],
  ])("recognises %s", (link, provider, url, frameSrc) => {
    expect(matchEmbedUrl(link)).toMatchObject({ provider: { id: provider }, url, frameSrc });
    if (frameSrc) expect(isAllowedFrameSrc(frameSrc)).toBe(true);
  });

  it("covers every provider the issue names", () => {
    expect(EMBED_PROVIDERS.map((provider) => provider.name)).toEqual([
      "YouTube", "Vimeo", "X", "Bluesky", "Instagram", "TikTok", "SoundCloud", "Spotify", "Datawrapper", "Flourish", "Google Maps",
    ]);
  });

  it.each([
    "https://example.com/watch?v=aqz-KE-bpKQ",
    "https://www.youtube.com.evil.example/watch?v=aqz-KE-bpKQ",
    "https://evil.example/?u=https://youtu.be/aqz-KE-bpKQ",
    "https://www.youtube.com/watch?v=short",
    "https://user:pass@www.youtube.com/watch?v=aqz-KE-bpKQ",
    "https://www.youtube.com:8443/watch?v=aqz-KE-bpKQ",
    "javascript:alert(1)//youtu.be/aqz-KE-bpKQ",
    "ftp://vimeo.com/1084537",
    "https://vimeo.com/channels/staffpicks",
    "https://www.google.com/search?q=maps",
    "youtube.com/watch?v=aqz-KE-bpKQ with words",
  ])("leaves %s a plain link", (link) => {
    expect(matchEmbedUrl(link)).toBeNull();
  });
});

describe("isAllowedFrameSrc", () => {
  it.each([
    "https://www.youtube.com/embed/aqz-KE-bpKQ",
    "http://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
    "https://www.youtube-nocookie.com/watch?v=aqz-KE-bpKQ",
    "https://www.youtube-nocookie.com.evil.example/embed/aqz-KE-bpKQ",
    "https://evil.example/embed/aqz-KE-bpKQ",
    "https://www.google.com/search",
    "https://user@open.spotify.com/embed/track/4u7EnebtmKWzUH433cf5Qv",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "",
  ])("refuses %s", (src) => {
    expect(isAllowedFrameSrc(src)).toBe(false);
  });
});
