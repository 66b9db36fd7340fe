import { describe, expect, it } from "vitest";
import { renderStoryBodyHtml } from "@/lib/story-body/render";
import { parseStoryBody } from "@/lib/story-body/validate";
import { doc } from "./fixtures";

const youtube = {
  provider: "youtube",
  url: "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
  frameSrc: "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
  title: "Big Buck Bunny <b>&</b>",
  author: "Blender",
  thumbnail: "/media/abc123/w480.webp",
  thumbnailWidth: 480,
  thumbnailHeight: 360,
  aspectRatio: 1.7778,
};
const embed = (attrs: Record<string, unknown>) => doc({ type: "embed", attrs });
const errorOf = (input: unknown) => {
  const result = parseStoryBody(input);
  return result.ok ? null : result.error;
};

describe("embed nodes", () => {
  it("are accepted from the allowlist and rendered as a facade: our thumbnail, a plain link, the player only as an attribute", () => {
    const parsed = parseStoryBody(embed(youtube));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(renderStoryBodyHtml(parsed.doc)).toBe(
      [
        '<figure data-embed="youtube" data-embed-url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" ',
        'data-embed-frame-src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1" data-embed-title="Big Buck Bunny &lt;b&gt;&amp;&lt;/b&gt;" ',
        'data-embed-author="Blender" data-embed-aspect="1.7778">',
        '<div data-embed-facade=""><img src="/media/abc123/w480.webp" alt="" width="480" height="360" loading="lazy" decoding="async"/></div>',
        '<figcaption><a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ" rel="noopener noreferrer nofollow">Big Buck Bunny &lt;b&gt;&amp;&lt;/b&gt;</a> ',
        '<span data-embed-source="">YouTube · Blender</span></figcaption></figure>',
      ].join(""),
    );
  });

  it("without a title or thumbnail still give readers a link", () => {
    const parsed = parseStoryBody(embed({ ...youtube, title: "", author: "", thumbnail: "", thumbnailWidth: null, thumbnailHeight: null }));
    if (!parsed.ok) throw new Error(parsed.error);
    const html = renderStoryBodyHtml(parsed.doc);
    expect(html).toContain('<div data-embed-facade=""></div><figcaption><a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ" rel="noopener noreferrer nofollow">View on YouTube</a>');
    expect(html).not.toMatch(/<iframe|<script/);
  });

  it.each([
    [{ url: "https://example.com/watch?v=aqz-KE-bpKQ" }, /must be a link from one of the providers/],
    [{ provider: "myspace" }, /must be a link from one of the providers/],
    [{ provider: "vimeo" }, /must be a link from one of the providers/],
    [{ url: "https://youtu.be/aqz-KE-bpKQ" }, /must be a link from one of the providers/],
    [{ frameSrc: "https://evil.example/embed/aqz-KE-bpKQ" }, "An embed's player address must be the one YouTube gives for its link."],
    [{ frameSrc: "https://www.youtube-nocookie.com/embed/AAAAAAAAAAA?autoplay=1" }, /player address must be the one YouTube gives/],
    [{ frameSrc: "javascript:alert(1)" }, /player address/],
    [{ thumbnail: "https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg" }, /thumbnail must be one stored by this newsroom/],
    [{ thumbnailWidth: -4 }, /whole numbers of pixels/],
    [{ aspectRatio: 100 }, /aspect ratio must be between/],
    [{ title: "x".repeat(501) }, /title is too long/],
    [{ onload: "alert(1)" }, /attribute the editor does not know/],
  ])("refuse %o", (change, message) => {
    expect(errorOf(embed({ ...youtube, ...change }))).toMatch(message);
  });

  it("need their provider, link and player address", () => {
    const { frameSrc: _, ...withoutPlayer } = youtube;
    expect(errorOf(embed(withoutPlayer))).toMatch(/missing its required "frameSrc"/);
  });

  it("accept a Bluesky player address only on Bluesky's embed host", () => {
    const bluesky = {
      provider: "bluesky",
      url: "https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l",
      frameSrc: "https://embed.bsky.app/embed/did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l6oveex3ii2l",
    };
    expect(errorOf(embed(bluesky))).toBeNull();
    expect(errorOf(embed({ ...bluesky, frameSrc: "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" }))).toMatch(/player address/);
  });
});
