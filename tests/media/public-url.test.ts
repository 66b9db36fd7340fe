import { afterEach, describe, expect, it, vi } from "vitest";
import type { PublicAuthor } from "@/db/queries/public-lookups";
import { displaySrc, smallSrc } from "@/lib/media/file-names";
import { publicMediaUrl, withPublicMediaUrls } from "@/lib/media/public-url";
import { MediaStorageConfigError, checkMediaConfig } from "@/lib/media/storage-config";
import { sharedImage } from "@/lib/public/page-metadata";
import { rssFeed } from "@/lib/public/rss";
import { authorStructuredData } from "@/lib/public/structured-data";
import { contentSecurityPolicy } from "@/lib/security-headers";
import { feedStory } from "../support/feed-story";
import { parseStoryBody } from "@/lib/story-body/validate";
import { renderStoryBodyHtml } from "@/lib/story-body/render";

const ID = "4f1c9a7e-0000-4000-8000-00000000000a";
const ORIGIN = "https://news.example";
const CDN = "https://cdn.example.com/media";
const image = { id: ID, width: 1200, height: 720 };

afterEach(() => {
  vi.unstubAllEnvs();
});

const bodyWithImage = () => {
  const parsed = parseStoryBody({
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "See /media/ below." }] },
      { type: "storyImage", attrs: { src: `/media/${ID}/w960.webp`, alt: "The quay", caption: "", credit: "", width: 960, height: 576 } },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return renderStoryBodyHtml(parsed.doc);
};

describe("media addresses without MEDIA_PUBLIC_URL", () => {
  it("are this site's /media paths, made absolute with its origin where pages leave the site", () => {
    expect(displaySrc(ID, 1200)).toBe(`/media/${ID}/w960.webp`);
    expect(sharedImage(image, ORIGIN, "alt").url).toBe(`${ORIGIN}/media/${ID}/w960.webp`);
    expect(withPublicMediaUrls(bodyWithImage())).toBe(bodyWithImage());
    expect(contentSecurityPolicy({ nonce: "n", dev: false })).toContain("img-src 'self' data: blob:;");
  });
});

describe("media addresses with MEDIA_PUBLIC_URL", () => {
  it("link featured images, avatars and the logo to the CDN", () => {
    vi.stubEnv("MEDIA_PUBLIC_URL", `${CDN}/`);
    expect(displaySrc(ID, 1200)).toBe(`${CDN}/${ID}/w960.webp`);
    expect(smallSrc(ID, 1200)).toBe(`${CDN}/${ID}/w480.webp`);
    expect(publicMediaUrl("/news/story")).toBe("/news/story");
  });

  it("rewrite story bodies' images as they are rendered, leaving the stored paths and the text alone", () => {
    vi.stubEnv("MEDIA_PUBLIC_URL", CDN);
    const html = withPublicMediaUrls(bodyWithImage());
    expect(html).toContain(`src="${CDN}/${ID}/w960.webp"`);
    expect(html).toContain("See /media/ below.");
    expect(html).not.toContain(`src="/media/`);
  });

  it("give og:image, JSON-LD and feeds the CDN's absolute addresses", () => {
    vi.stubEnv("MEDIA_PUBLIC_URL", CDN);
    expect(sharedImage(image, ORIGIN, "alt").url).toBe(`${CDN}/${ID}/w960.webp`);
    const author = { displayName: "Wren", slug: "wren", bio: "", avatar: image } as unknown as PublicAuthor;
    const person = authorStructuredData(author, { name: "The Ledger", description: "", logo: image }, ORIGIN).mainEntity as { image?: string };
    expect(person.image).toBe(`${CDN}/${ID}/w960.webp`);
    const feed = rssFeed({ title: "T", description: "D", language: "en", link: `${ORIGIN}/`, selfUrl: `${ORIGIN}/feed.xml` }, [
      { ...feedStory, image: { ...image, alt: "The quay", caption: "", credit: "" }, bodyHtml: `${bodyWithImage()}<p><a href="/news/other">a link</a></p>` },
    ], ORIGIN);
    expect(feed).toContain(`<enclosure url="${CDN}/${ID}/original.png"`);
    expect(feed).toContain(`src="${CDN}/${ID}/w960.webp"`);
    expect(feed).toContain(`href="${ORIGIN}/news/other"`);
  });

  it("let the Content-Security-Policy load images from the CDN's origin", () => {
    vi.stubEnv("MEDIA_PUBLIC_URL", CDN);
    expect(contentSecurityPolicy({ nonce: "n", dev: false })).toContain("img-src 'self' data: blob: https://cdn.example.com;");
  });

  it("must be an http(s) address, refused at start-up in one line", () => {
    expect(() => checkMediaConfig({ MEDIA_PUBLIC_URL: "cdn.example.com/media" })).toThrow(MediaStorageConfigError);
    expect(() => checkMediaConfig({ MEDIA_PUBLIC_URL: "javascript:alert(1)" })).toThrow(/^MEDIA_PUBLIC_URL must be an http\(s\) address/);
    expect(() => checkMediaConfig({ MEDIA_PUBLIC_URL: "https://cdn.example.com/media" })).not.toThrow();
  });
});
