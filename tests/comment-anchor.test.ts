import { describe, expect, it } from "vitest";
import { anchorForSelection, locateAnchor } from "@/lib/comments/anchor";
import { storyBodySchema } from "@/lib/story-body/schema";

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const docOf = (...texts: string[]) => storyBodySchema().nodeFromJSON({ type: "doc", content: texts.map(paragraph) });
const textAt = (doc: ReturnType<typeof docOf>, range: { from: number; to: number } | null) => range && doc.textBetween(range.from, range.to);

describe("inline comment anchors", () => {
  const original = docOf("The council met on Tuesday.", "The vote was seven to two, said the clerk.");
  function select(doc: ReturnType<typeof docOf>, phrase: string) {
    let range: { from: number; to: number } | null = null;
    doc.descendants((node, pos) => {
      if (range || !node.isText) return;
      const index = node.text!.indexOf(phrase);
      if (index !== -1) range = { from: pos + index, to: pos + index + phrase.length };
    });
    return range!;
  }

  it("finds the quoted words again after edits around them", () => {
    const range = select(original, "seven to two");
    const anchor = anchorForSelection(original, range.from, range.to)!;
    expect(anchor).toEqual({ quote: "seven to two", prefix: "The vote was ", suffix: ", said the clerk." });

    const edited = docOf("A new first paragraph, added by the editor.", "The council met on Tuesday night.", "The final vote was seven to two, said the clerk on Wednesday.");
    expect(textAt(edited, locateAnchor(edited, anchor))).toBe("seven to two");
  });

  it("prefers the occurrence whose surroundings match", () => {
    const doc = docOf("Seven to two is a common score.", "The vote was seven to two, said the clerk.");
    const located = locateAnchor(doc, { quote: "to two", prefix: "The vote was seven ", suffix: ", said" });
    expect(located).not.toBeNull();
    expect(doc.resolve(located!.from).parent.textContent).toBe("The vote was seven to two, said the clerk.");
  });

  it("is gone once the words are gone, and refuses empty or cross-paragraph selections", () => {
    const range = select(original, "seven to two");
    const anchor = anchorForSelection(original, range.from, range.to)!;
    expect(locateAnchor(docOf("The vote was unanimous."), anchor)).toBeNull();
    expect(anchorForSelection(original, range.from, range.from)).toBeNull();
    expect(anchorForSelection(original, 2, range.to)).toBeNull();
  });
});
