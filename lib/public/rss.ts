import type { FeedStory } from "@/db/queries/public-stories";
import { IMAGE_FORMATS, mediaPath } from "@/lib/media/file-names";
import { absoluteUrl, publicMediaUrl, withPublicMediaUrls } from "@/lib/media/public-url";
import { storyPath } from "./urls";
import { cdata, escapeXml, xmlSafe } from "./xml";

type Channel = { title: string; description: string; language: string; link: string; selfUrl: string };

const extensionOf = (mimeType: string) => Object.values(IMAGE_FORMATS).find((format) => format.mimeType === mimeType)?.extension;

/** Links in story bodies are site-relative; a feed reader shows them away from our site. */
function absolutize(html: string, origin: string): string {
  return html.replace(/(\s(?:src|href)=")\/(?!\/)/g, `$1${origin}/`);
}

/** RSS 2.0 with content:encoded (the shared renderer's HTML), dc:creator per byline and the image enclosed. */
export function rssFeed(channel: Channel, stories: FeedStory[], origin: string): string {
  const element = (name: string, text: string) => `<${name}>${escapeXml(xmlSafe(text))}</${name}>`;
  const items = stories.map((story) => {
    const url = `${origin}${storyPath(story)}`;
    const extension = story.imageFile && extensionOf(story.imageFile.mimeType);
    return [
      "<item>",
      element("title", story.headline),
      element("link", url),
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      element("pubDate", story.publishedAt.toUTCString()),
      element("description", story.seoDescription || story.dek),
      `<content:encoded>${cdata(xmlSafe(absolutize(withPublicMediaUrls(story.bodyHtml), origin)))}</content:encoded>`,
      ...story.bylines.map((byline) => element("dc:creator", byline.displayName)),
      element("category", story.sectionName),
      ...story.tags.map((tag) => element("category", tag)),
      ...(story.image && story.imageFile && extension
        ? [
            `<enclosure url="${escapeXml(absoluteUrl(origin, publicMediaUrl(mediaPath(story.image.id, `original.${extension}`))))}" length="${story.imageFile.bytes}" type="${escapeXml(story.imageFile.mimeType)}"/>`,
          ]
        : []),
      "</item>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    element("title", channel.title),
    element("link", channel.link),
    element("description", channel.description || channel.title),
    element("language", channel.language),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(stories[0] ? [element("lastBuildDate", (stories[0].updatedAt ?? stories[0].publishedAt).toUTCString())] : []),
    ...items,
    "</channel>",
    "</rss>",
  ].join("\n");
}

