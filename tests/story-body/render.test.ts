import { describe, expect, it } from "vitest";
import { renderStoryBodyHtml } from "@/lib/story-body/render";
import { parseStoryBody } from "@/lib/story-body/validate";
import { doc, image, link, paragraph, realisticStory, text } from "./fixtures";

function renderValid(input: unknown): string {
  const result = parseStoryBody(input);
  if (!result.ok) throw new Error(result.error);
  return renderStoryBodyHtml(result.doc);
}

const REL = 'rel="noopener noreferrer nofollow"';

describe("renderStoryBodyHtml", () => {
  it("renders a realistic story", () => {
    expect(renderValid(realisticStory)).toBe(
      [
        "<p>The council voted <strong>unanimously</strong> on Tuesday to <em>close</em> the old bridge, ",
        `<s>reopening in May</s>. Read the <a href="https://example.org/report" ${REL}>full report</a>.</p>`,
        "<h2>What happens next</h2>",
        "<p>Traffic will be diverted.<br/>Buses keep running.</p>",
        "<ul><li><p>North route</p></li><li><p>South route</p></li></ul>",
        "<h3>Costs</h3>",
        "<ol><li><p>Demolition</p></li><li><p>New bridge</p></li></ol>",
        "<blockquote><p>It was time.</p></blockquote>",
        "<hr/>",
        '<figure data-story-image=""><img src="/media/abc123/bridge.jpg" alt="The old bridge at dusk" width="1200" height="800" loading="lazy" decoding="async"/>',
        '<figcaption>The bridge in 1950. <span class="credit">City archive</span></figcaption></figure>',
        "<h2>Reactions</h2>",
        "<p>Residents were relieved.</p>",
      ].join(""),
    );
  });

  it("keeps links in the same tab", () => {
    expect(renderValid(doc(paragraph(text("x", link("https://example.com")))))).not.toContain("target=");
  });

  it.each([
    [{ caption: "", credit: "" }, '<img src="/media/a/b.png" alt="" loading="lazy" decoding="async"/></figure>'],
    [{ caption: "Only caption", credit: "" }, "<figcaption>Only caption</figcaption>"],
    [{ caption: "", credit: "Only credit" }, '<figcaption><span class="credit">Only credit</span></figcaption>'],
  ])("renders an image caption and credit %j", (parts, expected) => {
    expect(renderValid(doc(image({ src: "/media/a/b.png", ...parts })))).toContain(expected);
  });

  it("escapes markup in text", () => {
    const html = renderValid(doc(paragraph(text('<script>alert("x")</script> & "onmouseover=alert(1)'))));
    expect(html).toBe('<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; "onmouseover=alert(1)</p>');
  });

  it("escapes alt, caption and credit", () => {
    const attack = '"><script>alert(1)</script>" onmouseover="alert(1)';
    const html = renderValid(doc(image({ src: "/media/a/b.png", alt: attack, caption: attack, credit: attack })));
    const escapedText = '"&gt;&lt;script&gt;alert(1)&lt;/script&gt;" onmouseover="alert(1)';
    expect(html).toBe(
      '<figure data-story-image=""><img src="/media/a/b.png" alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(1)" loading="lazy" decoding="async"/>' +
        `<figcaption>${escapedText} <span class="credit">${escapedText}</span></figcaption></figure>`,
    );
  });

  it("escapes quotes in a link address and title", () => {
    const href = '/search?q="><img src=x onerror=alert(1)>';
    const html = renderValid(doc(paragraph(text("x", [{ type: "link", attrs: { href, title: '"onmouseover="x' } }]))));
    expect(html).toBe(
      `<p><a href="/search?q=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" ${REL} title="&quot;onmouseover=&quot;x">x</a></p>`,
    );
  });

  it("drops an unsafe href that bypassed validation, keeping the text", () => {
    const html = renderStoryBodyHtml(doc(paragraph(text("click", [{ type: "link", attrs: { href: "java\tscript:alert(1)" } }]))));
    expect(html).toBe(`<p><a ${REL}>click</a></p>`);
  });

  it("ignores target and rel stored in the document", () => {
    const mark = { type: "link", attrs: { href: "https://example.com", target: "_blank", rel: "opener", class: "x" } };
    expect(renderStoryBodyHtml(doc(paragraph(text("x", [mark]))))).toBe(`<p><a href="https://example.com" ${REL}>x</a></p>`);
  });

  it("drops an image source that bypassed validation", () => {
    const html = renderStoryBodyHtml(doc(image({ src: "https://evil.example/x.png", alt: "x" })));
    expect(html).toBe('<figure data-story-image=""><img alt="x" loading="lazy" decoding="async"/></figure>');
  });
});
