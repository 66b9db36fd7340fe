import type { JSONContent } from "@tiptap/core";

export const text = (value: string, marks?: JSONContent["marks"]): JSONContent => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
export const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
export const heading = (level: number, value: string): JSONContent => ({ type: "heading", attrs: { level }, content: [text(value)] });
export const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
export const link = (href: string): JSONContent["marks"] => [{ type: "link", attrs: { href } }];
export const listItem = (value: string): JSONContent => ({ type: "listItem", content: [paragraph(text(value))] });
export const image = (attrs: Record<string, unknown>): JSONContent => ({ type: "storyImage", attrs });

/** A story using every element the editor offers. */
export const realisticStory: JSONContent = doc(
  paragraph(
    text("The council voted "),
    text("unanimously", [{ type: "bold" }]),
    text(" on Tuesday to "),
    text("close", [{ type: "italic" }]),
    text(" the old bridge, "),
    text("reopening in May", [{ type: "strike" }]),
    text(". Read the "),
    text("full report", link("https://example.org/report")),
    text("."),
  ),
  heading(2, "What happens next"),
  paragraph(text("Traffic will be diverted."), { type: "hardBreak" }, text("Buses keep running.")),
  { type: "bulletList", content: [listItem("North route"), listItem("South route")] },
  heading(3, "Costs"),
  { type: "orderedList", content: [listItem("Demolition"), listItem("New bridge")] },
  { type: "blockquote", content: [paragraph(text("It was time."))] },
  { type: "horizontalRule" },
  image({ src: "/media/abc123/bridge.jpg", alt: "The old bridge at dusk", caption: "The bridge in 1950.", credit: "City archive", width: 1200, height: 800 }),
  heading(2, "Reactions"),
  paragraph(text("Residents were relieved.")),
);

/** One attack, many spellings: each must be refused on its own. */
export const JAVASCRIPT_HREFS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "  javascript:alert(1)  ",
  "\u0001javascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "\u200bjavascript:alert(1)",
  "&#106;avascript:alert(1)",
  "&#x6A;avascript:alert(1)",
  "&#0000106avascript:alert(1)",
  "jav&#x09;ascript:alert(1)",
  "javascript&colon;alert(1)",
  "JAVASCRIPT&COLON;alert(1)",
  "javascript&#58;alert(1)",
  "%6Aavascript:alert(1)",
  "javascript%3Aalert(1)",
  "%256Aavascript:alert(1)",
  "&amp;#106;avascript:alert(1)",
];
