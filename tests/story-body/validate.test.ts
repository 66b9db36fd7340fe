import { describe, expect, it } from "vitest";
import { EMPTY_STORY_BODY, parseStoryBody } from "@/lib/story-body/validate";
import { JAVASCRIPT_HREFS, doc, heading, image, link, paragraph, realisticStory, text } from "./fixtures";

function refusal(input: unknown): string {
  const result = parseStoryBody(input);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.doc).slice(0, 200)}`);
  return result.error;
}

const validImage = { src: "/media/abc123/bridge.jpg", alt: "Bridge" };

describe("parseStoryBody accepts", () => {
  it("a realistic story with every element, returning it normalized", () => {
    const result = parseStoryBody(realisticStory);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.content).toHaveLength(realisticStory.content!.length);
    expect(result.doc.content![9]).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Reactions" }] });
    const firstLink = result.doc.content![0].content![7];
    expect(firstLink.marks![0].attrs).toMatchObject({ href: "https://example.org/report", target: null });
    // React refuses null-prototype objects, which is what ProseMirror's attrs are.
    expect(Object.getPrototypeOf(firstLink.marks![0].attrs)).toBe(Object.prototype);
  });

  it("the empty story body", () => {
    expect(parseStoryBody(EMPTY_STORY_BODY)).toEqual({ ok: true, doc: EMPTY_STORY_BODY });
  });

  it("fills an image's defaults", () => {
    const result = parseStoryBody(doc(image({ src: "/media/a_b-1/photo.final.webp" })));
    expect(result).toEqual({
      ok: true,
      doc: doc({ type: "storyImage", attrs: { src: "/media/a_b-1/photo.final.webp", alt: "", caption: "", credit: "", width: null, height: null } }),
    });
  });

  it("round trips: parsing its own output changes nothing", () => {
    const once = parseStoryBody(realisticStory);
    if (!once.ok) throw new Error(once.error);
    expect(parseStoryBody(once.doc)).toEqual(once);
  });

  it("quotes nested 30 deep", () => {
    let node = paragraph(text("deep"));
    for (let level = 0; level < 30; level++) node = { type: "blockquote", content: [node] };
    expect(parseStoryBody(doc(node)).ok).toBe(true);
  });

  it("exactly 100,000 words", () => {
    expect(parseStoryBody(doc(paragraph(text("word ".repeat(100_000))))).ok).toBe(true);
  });
});

describe("parseStoryBody refuses", () => {
  it.each([
    ["null", null, /must be a document/],
    ["a string", "<p>hi</p>", /must be a document/],
    ["an array", [realisticStory], /must be a document/],
    ["a non-doc root", paragraph(text("x")), /must be a document \(type "doc"\)/],
    ["an unknown node type", doc({ type: "iframe", attrs: { src: "https://evil.example" } }), /element the editor does not support: "iframe"/],
    ["a code block (disabled)", doc({ type: "codeBlock", content: [text("x")] }), /does not support: "codeBlock"/],
    ["an unknown mark", doc(paragraph(text("x", [{ type: "sparkle" }]))), /formatting the editor does not support: "sparkle"/],
    ["an underline mark (disabled)", doc(paragraph(text("x", [{ type: "underline" }]))), /does not support: "underline"/],
    ["an inline code mark (disabled)", doc(paragraph(text("x", [{ type: "code" }]))), /does not support: "code"/],
    ["bold on a whole paragraph", doc({ ...paragraph(text("x")), marks: [{ type: "bold" }] }), /cannot be applied to a whole paragraph/],
    ["the same mark twice", doc(paragraph(text("x", [{ type: "bold" }, { type: "bold" }]))), /the same formatting twice/],
    ["an unknown node attribute", doc({ ...paragraph(text("x")), attrs: { onclick: "alert(1)" } }), /A paragraph has an attribute the editor does not know: "onclick"/],
    ["an unknown mark attribute", doc(paragraph(text("x", [{ type: "link", attrs: { href: "/a", onmouseover: "x" } }]))), /A link mark has an attribute .* "onmouseover"/],
    ["an unknown image attribute", doc(image({ ...validImage, style: "x" })), /An image has an attribute .* "style"/],
    ["an attribute that is an object", doc(image({ ...validImage, alt: { html: "<b>" } })), /"alt" attribute of an image must be a plain value/],
    ["an unknown property on a node", doc({ ...paragraph(text("x")), html: "<b>" }), /A paragraph has an unknown property: "html"/],
    ["an empty text node", doc(paragraph(text(""))), /at least one character/],
    ["a heading of level 1", doc(heading(1, "Title")), /only be level 2 or 3/],
    ["a heading of level 4", doc(heading(4, "Small")), /only be level 2 or 3/],
    ["a heading without a level", doc({ type: "heading", content: [text("x")] }), /only be level 2 or 3/],
    ["a block inside a paragraph", doc(paragraph(paragraph(text("x")))), /A paragraph contains something that is not allowed there/],
    ["a list without items", doc({ type: "bulletList", content: [paragraph(text("x"))] }), /bulleted list contains something/],
    ["an image without a source", doc(image({ alt: "x" })), /missing its required "src"/],
    ["an image source that is not text", doc(image({ src: 42 })), /"src" attribute of an image has the wrong kind/],
    ["a data: link", doc(paragraph(text("x", link("data:text/html,<script>alert(1)</script>")))), /address that is not allowed/],
    ["a vbscript: link", doc(paragraph(text("x", link("vbscript:msgbox(1)")))), /address that is not allowed/],
    ["a link without an address", doc(paragraph(text("x", [{ type: "link" }]))), /needs an address/],
    ["an external image", doc(image({ src: "https://evil.example/x.png" })), /uploaded to this newsroom/],
    ["a data: image", doc(image({ src: "data:image/png;base64,AAAA" })), /uploaded to this newsroom/],
    ["a media path that climbs out", doc(image({ src: "/media/abc/.." })), /uploaded to this newsroom/],
    ["a too long alt", doc(image({ ...validImage, alt: "a".repeat(501) })), /alt is too long: the limit is 500/],
    ["a too long caption", doc(image({ ...validImage, caption: "a".repeat(1001) })), /caption is too long: the limit is 1000/],
    ["a too long credit", doc(image({ ...validImage, credit: "a".repeat(201) })), /credit is too long: the limit is 200/],
    ["a fractional width", doc(image({ ...validImage, width: 10.5 })), /whole numbers of pixels/],
    ["a numbered list style outside the standard ones", doc({ type: "orderedList", attrs: { type: "x" }, content: [] }), /numbered list/],
  ])("%s", (_name, input, message) => {
    expect(refusal(input)).toMatch(message);
  });

  it.each(JAVASCRIPT_HREFS)("the javascript: link %j", (href) => {
    expect(refusal(doc(paragraph(text("click", link(href)))))).toBe(
      "A link points to an address that is not allowed: only web (http, https), email, phone and relative links are.",
    );
  });

  it("a document over 2 MB", () => {
    expect(refusal(doc(paragraph(text("a".repeat(2 * 1024 * 1024)))))).toBe("The story body is too large: the limit is 2 MB.");
  });

  it("a document of 100,001 words", () => {
    expect(refusal(doc(paragraph(text("word ".repeat(100_001)))))).toBe("The story body is too long: the limit is 100,000 words.");
  });

  it("a document nested deeper than any editor produces", () => {
    let node = paragraph(text("deep"));
    for (let level = 0; level < 5000; level++) node = { type: "blockquote", content: [node] };
    expect(refusal(doc(node))).toBe("The story body is nested too deeply.");
  });
});
