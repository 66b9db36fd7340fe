import { afterAll, describe, expect, it } from "vitest";
import { renderStoryBodyHtml } from "@/lib/story-body/render";
import { parseStoryBody } from "@/lib/story-body/validate";
import { XSS_PAYLOADS } from "../support/xss-corpus";
import { doc, image, link, paragraph, text } from "./fixtures";

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:", "tel:"]);
const RENDERED_TAGS = new Set(["p", "a", "figure", "img", "figcaption", "span", "strong", "em", "s", "br"]);
const RENDERED_ATTRIBUTES = new Set(["href", "rel", "title", "src", "alt", "width", "height", "loading", "decoding", "data-story-image", "class"]);

/** What a browser makes of an href attribute: entities decoded once, then the URL parser (which drops tabs, newlines, edge spaces). */
function browserProtocol(attributeValue: string): string | null {
  const decoded = attributeValue.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);
  try {
    return new URL(decoded, "https://newsroom.test/story").protocol;
  } catch {
    return null;
  }
}

let links = 0;

describe("the XSS corpus against validation and the one renderer", () => {
  it.each(XSS_PAYLOADS)("%j: refused as a link target if a browser would run it, inert as text, alt, caption and credit", (payload) => {
    // The oracle is the URL parser a browser uses, not lib/story-body/href.ts, which is under test.
    const protocol = browserProtocol(payload);
    const asLink = parseStoryBody(doc(paragraph(text("read more", link(payload)))));
    if (protocol !== null && !ALLOWED_PROTOCOLS.has(protocol)) expect(asLink.ok, `link to ${protocol}`).toBe(false);
    // Whatever validation lets through, the renderer alone must still keep safe (it re-checks links).
    const hostile = doc(paragraph(text(payload), text("read more", link(payload))), image({ src: "/media/abc/x.png", alt: payload, caption: payload, credit: payload }));
    const html = renderStoryBodyHtml(hostile);
    for (const [, tag, attributes] of html.matchAll(/<([a-z0-9-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
      expect(RENDERED_TAGS, html).toContain(tag);
      for (const [, name, value] of attributes.matchAll(/\s+([a-z-]+)(?:="([^"]*)")?/g)) {
        expect(RENDERED_ATTRIBUTES, `${name} in ${html}`).toContain(name);
        if (name === "href") {
          links += 1;
          expect(ALLOWED_PROTOCOLS, html).toContain(browserProtocol(value ?? ""));
        }
      }
    }
    // Every "<" left in the output opens one of the tags checked above: the payload's own are escaped.
    expect(html.match(/</g)?.length).toBe([...html.matchAll(/<\/?[a-z0-9-]+[\s/>]/g)].length);
  });
});

afterAll(() => {
  console.log(`XSS corpus against validation and rendering: ${XSS_PAYLOADS.length} payloads, ${links} rendered links checked`);
});
