import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { diffStoryBodies } from "@/lib/story-body/diff";
import { renderStoryBodyHtml } from "@/lib/story-body/render";
import { storyBodyText, storyWordCount } from "@/lib/story-body/text";
import { parseStoryBody } from "@/lib/story-body/validate";
import { submitChecklist } from "@/lib/workflow/checklist";
import { doc, paragraph, text } from "./fixtures";

const cell = (type: "tableHeader" | "tableCell", value: string, attrs?: Record<string, unknown>): JSONContent => ({
  type,
  ...(attrs ? { attrs } : {}),
  content: [value ? paragraph(text(value)) : { type: "paragraph" }],
});
const row = (...cells: JSONContent[]): JSONContent => ({ type: "tableRow", content: cells });
const headerRow = (...values: string[]) => row(...values.map((value) => cell("tableHeader", value)));
const bodyRow = (...values: string[]) => row(...values.map((value) => cell("tableCell", value)));
const table = (caption: string, ...rows: JSONContent[]): JSONContent => ({ type: "table", attrs: { caption }, content: rows });
const pullQuote = (quote: string, attribution?: string): JSONContent => ({
  type: "pullQuote",
  ...(attribution === undefined ? {} : { attrs: { attribution } }),
  content: quote ? [text(quote)] : [],
});

const ferryTable = table("Winter departures", headerRow("Port", "First boat"), bodyRow("North quay", "6.45"), bodyRow("Old harbour", "7.15"));

function parsed(input: JSONContent): JSONContent {
  const result = parseStoryBody(input);
  if (!result.ok) throw new Error(result.error);
  return result.doc;
}

function refusal(input: JSONContent): string {
  const result = parseStoryBody(input);
  if (result.ok) throw new Error("expected a refusal");
  return result.error;
}

describe("pull quote and table: validation accepts", () => {
  it("a pull quote with and without attribution, and a table with a caption, returned normalized", () => {
    const body = parsed(doc(pullQuote("We were never told.", "Ana Ruiz, harbour pilot"), pullQuote("Nobody asked."), ferryTable));
    expect(body.content![1]).toEqual({ type: "pullQuote", attrs: { attribution: "" }, content: [text("Nobody asked.")] });
    const firstCell = body.content![2].content![0].content![0];
    expect(firstCell.attrs).toEqual({ colspan: 1, rowspan: 1, colwidth: null });
    expect(parseStoryBody(body)).toEqual({ ok: true, doc: body });
  });

  it("a table still without a caption, and one with only its header row, while the story is written", () => {
    expect(parseStoryBody(doc(table("", headerRow("A", "B"), bodyRow("1", "2")))).ok).toBe(true);
    expect(parseStoryBody(doc(table("Columns", headerRow("A", "B")))).ok).toBe(true);
  });
});

describe("pull quote and table: validation refuses, in a sentence", () => {
  it.each<[string, JSONContent, RegExp]>([
    ["merged columns", table("T", row(cell("tableHeader", "A", { colspan: 2 })), bodyRow("1", "2")), /cannot have merged cells/],
    ["merged rows", table("T", headerRow("A", "B"), row(cell("tableCell", "1", { rowspan: 2 }), cell("tableCell", "2")), bodyRow("3")), /cannot have merged cells/],
    ["no header row", table("T", bodyRow("A", "B"), bodyRow("1", "2")), /needs a header row/],
    ["a half header row", table("T", row(cell("tableHeader", "A"), cell("tableCell", "B")), bodyRow("1", "2")), /needs a header row/],
    ["headings below the first row", table("T", headerRow("A", "B"), row(cell("tableHeader", "1"), cell("tableCell", "2"))), /Only the first row/],
    ["rows of different lengths", table("T", headerRow("A", "B"), bodyRow("1")), /same number of cells/],
    ["an empty header row", table("T", row(), bodyRow("1")), /header row needs at least one cell/],
    ["21 columns", table("T", headerRow(...Array.from({ length: 21 }, (_, index) => `C${index}`))), /at most 20 columns/],
    ["a 501-character caption", table("x".repeat(501), headerRow("A")), /caption is too long: the limit is 500/],
    ["a row outside a table", row(cell("tableCell", "1")), /contains something that is not allowed/],
    ["a cell with two paragraphs", table("T", row({ type: "tableHeader", content: [paragraph(text("a")), paragraph(text("b"))] })), /table header cell contains something that is not allowed/],
    ["a table inside a cell", table("T", row({ type: "tableHeader", content: [table("U", headerRow("A"))] })), /not allowed/],
    ["column widths", table("T", row(cell("tableHeader", "A", { colwidth: [200] }))), /"colwidth" attribute of a table header cell must be a plain value/],
    ["styles on a table", { type: "table", attrs: { caption: "T", style: "x" }, content: [headerRow("A")] }, /table has an attribute the editor does not know: "style"/],
    ["formatting in a pull quote", { type: "pullQuote", content: [text("loud", [{ type: "bold" }])] }, /pull quote contains something that is not allowed/],
    ["a paragraph in a pull quote", { type: "pullQuote", content: [paragraph(text("x"))] }, /pull quote contains something that is not allowed/],
    ["a 1,001-character pull quote", pullQuote("x".repeat(1001)), /pull quote is too long: the limit is 1,000 characters/],
    ["a 201-character attribution", pullQuote("Quote", "x".repeat(201)), /attribution is too long: the limit is 200/],
    ["an attribution that is not text", { type: "pullQuote", attrs: { attribution: 7 }, content: [text("Q")] }, /"attribution" attribute of a pull quote has the wrong kind of value/],
  ])("%s", (_name, node, message) => {
    expect(refusal(doc(node))).toMatch(message);
  });
});

describe("pull quote and table: rendering", () => {
  it("writes a figure with the quote and its attribution, and a captioned table whose headings have column scope", () => {
    expect(renderStoryBodyHtml(parsed(doc(pullQuote("We were never told.", "Ana Ruiz"), ferryTable)))).toBe(
      [
        '<figure data-pull-quote="" class="pull-quote"><blockquote><p>We were never told.</p></blockquote><figcaption>— Ana Ruiz</figcaption></figure>',
        '<div class="story-table" role="region" tabindex="0" aria-label="Winter departures"><table><caption>Winter departures</caption><tbody>',
        '<tr><th scope="col"><p>Port</p></th><th scope="col"><p>First boat</p></th></tr>',
        "<tr><td><p>North quay</p></td><td><p>6.45</p></td></tr>",
        "<tr><td><p>Old harbour</p></td><td><p>7.15</p></td></tr>",
        "</tbody></table></div>",
      ].join(""),
    );
  });

  it("leaves out an empty attribution and names an uncaptioned table plainly", () => {
    const html = renderStoryBodyHtml(parsed(doc(pullQuote("Quiet."), table("", headerRow("A")))));
    expect(html).toContain("<blockquote><p>Quiet.</p></blockquote></figure>");
    expect(html).toContain('aria-label="Table"><table><tbody>');
  });

  it("escapes markup typed into a caption, an attribution or a cell", () => {
    const payload = '"><img src=x onerror=alert(1)>';
    const html = renderStoryBodyHtml(parsed(doc(pullQuote(payload, payload), table(payload, headerRow(payload)))));
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("pull quote and table: text, word counts and revisions", () => {
  const story = doc(paragraph(text("The ferry runs later.")), pullQuote("We were never told.", "Ana Ruiz"), ferryTable);

  it("reads the quote, its attribution, the caption before the cells, and every cell", () => {
    expect(storyBodyText(story)).toEqual([
      "The ferry runs later.",
      "We were never told.",
      "Ana Ruiz",
      "Winter departures",
      "Port",
      "First boat",
      "North quay",
      "6.45",
      "Old harbour",
      "7.15",
    ]);
    expect(storyWordCount(story)).toBe(4 + 4 + 2 + 2 + 1 + 2 + 2 + 1 + 2 + 1);
  });

  it("shows a changed cell and a changed attribution as word changes in the history", () => {
    const after = doc(paragraph(text("The ferry runs later.")), pullQuote("We were never told.", "Ana Ruiz, pilot"), table("Winter departures", headerRow("Port", "First boat"), bodyRow("North pier", "6.45"), bodyRow("Old harbour", "7.15")));
    const changed = diffStoryBodies(story, after).filter((block) => block.segments.some((segment) => segment.kind !== "same"));
    expect(changed.map((block) => block.segments.filter((segment) => segment.kind !== "same").map((segment) => `${segment.kind}:${segment.text}`))).toEqual([
      ["added:, pilot"],
      ["removed:quay", "added:pier"],
    ]);
  });
});

describe("submit checklist", () => {
  const base = { headline: "H", dek: "D", sectionId: "s", bylines: [{ id: "u", displayName: "U" }], featuredImageId: null, featuredImageAlt: "" };

  it("asks for a caption on each table without one", () => {
    expect(submitChecklist({ ...base, body: doc(ferryTable) })).toEqual([]);
    expect(submitChecklist({ ...base, body: doc(table(" ", headerRow("A"))) })).toEqual(["Add a caption to the table in the body."]);
    expect(submitChecklist({ ...base, body: doc(table("", headerRow("A")), table("", headerRow("B"))) })).toEqual(["Add a caption to 2 tables in the body."]);
  });
});
