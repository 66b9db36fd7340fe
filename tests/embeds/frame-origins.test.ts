import { describe, expect, it } from "vitest";
import { isAllowedFrameSrc } from "@/lib/embeds/providers";
import { pageNeeds } from "@/lib/public/cache-policy";
import { renderStoryBodyHtml } from "@/lib/story-body/render";

/** What a public page's policy allows as frame sources (lib/page-cache/handler.ts stores it with the page). */
const embedFrameOrigins = (html: string) => pageNeeds(html, isAllowedFrameSrc).frameOrigins;

const embed = (provider: string, url: string, frameSrc: string) => ({ type: "embed", attrs: { provider, url, frameSrc } });

describe("the frame origins a public page allows", () => {
  it("names each allowlisted player's origin once, from the renderer's own HTML", () => {
    const html = renderStoryBodyHtml({
      type: "doc",
      content: [
        embed("youtube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"),
        embed("soundcloud", "https://soundcloud.com/a/b", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fa%2Fb&visual=true&auto_play=true"),
        embed("youtube", "https://www.youtube.com/watch?v=bqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/bqz-KE-bpKQ?autoplay=1"),
        { type: "paragraph", content: [{ type: "text", text: 'data-embed-frame-src="https://evil.example/"' }] },
      ],
    });
    expect(html).toContain("&amp;visual=true");
    expect(embedFrameOrigins(html)).toEqual(["https://w.soundcloud.com", "https://www.youtube-nocookie.com"]);
  });

  it("leaves out anything the allowlist does not accept, and a page without embeds allows none", () => {
    expect(embedFrameOrigins('<figure data-embed-frame-src="https://evil.example/embed/aqz-KE-bpKQ"></figure>')).toEqual([]);
    expect(embedFrameOrigins('<figure data-embed-frame-src="http://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"></figure>')).toEqual([]);
    expect(embedFrameOrigins("<p>No embeds here.</p>")).toEqual([]);
  });
});
