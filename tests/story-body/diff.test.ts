import { describe, expect, it } from "vitest";
import { diffStoryBodies, diffText } from "@/lib/story-body/diff";
import { doc, heading, paragraph, realisticStory, text } from "./fixtures";

const p = (value: string) => paragraph(text(value));

describe("diffText", () => {
  it("marks the changed words and keeps the rest", () => {
    expect(diffText("The mayor resigned on Monday.", "The mayor resigned on Tuesday.")).toEqual([
      { kind: "same", text: "The mayor resigned on " },
      { kind: "removed", text: "Monday" },
      { kind: "added", text: "Tuesday" },
      { kind: "same", text: "." },
    ]);
  });

  it("gives one same segment for equal texts and nothing for two empty ones", () => {
    expect(diffText("Bridge closes", "Bridge closes")).toEqual([{ kind: "same", text: "Bridge closes" }]);
    expect(diffText("", "")).toEqual([]);
  });

  it("shows a new dek as added", () => {
    expect(diffText("", "A new dek")).toEqual([{ kind: "added", text: "A new dek" }]);
  });
});

describe("diffStoryBodies", () => {
  it("finds changed words inside a paragraph", () => {
    const before = doc(p("Intro."), p("The council voted on Tuesday to close the bridge."));
    const after = doc(p("Intro."), p("The council voted on Wednesday to close the old bridge."));
    expect(diffStoryBodies(before, after)).toEqual([
      { segments: [{ kind: "same", text: "Intro." }] },
      {
        segments: [
          { kind: "same", text: "The council voted on " },
          { kind: "removed", text: "Tuesday" },
          { kind: "added", text: "Wednesday" },
          { kind: "same", text: " to close the " },
          { kind: "added", text: "old " },
          { kind: "same", text: "bridge." },
        ],
      },
    ]);
  });

  it("shows an added paragraph as one added block", () => {
    const before = doc(p("First."), p("Last."));
    const after = doc(p("First."), p("A brand new middle."), p("Last."));
    expect(diffStoryBodies(before, after)).toEqual([
      { segments: [{ kind: "same", text: "First." }] },
      { segments: [{ kind: "added", text: "A brand new middle." }] },
      { segments: [{ kind: "same", text: "Last." }] },
    ]);
  });

  it("shows a removed heading as one removed block, even next to an edited paragraph", () => {
    const before = doc(p("Intro."), heading(2, "What happens next"), p("Traffic will be diverted."));
    const after = doc(p("Intro."), p("Traffic will be diverted tonight."));
    expect(diffStoryBodies(before, after)).toEqual([
      { segments: [{ kind: "same", text: "Intro." }] },
      { segments: [{ kind: "removed", text: "What happens next" }] },
      {
        segments: [
          { kind: "same", text: "Traffic will be diverted" },
          { kind: "added", text: " tonight" },
          { kind: "same", text: "." },
        ],
      },
    ]);
  });

  it("keeps an unrelated rewrite as removed then added", () => {
    expect(diffStoryBodies(doc(p("Old sentence here.")), doc(p("Completely different words.")))).toEqual([
      { segments: [{ kind: "removed", text: "Old sentence here." }] },
      { segments: [{ kind: "added", text: "Completely different words." }] },
    ]);
  });

  it("marks every block of identical documents as same", () => {
    const blocks = diffStoryBodies(realisticStory, structuredClone(realisticStory));
    expect(blocks).toHaveLength(12);
    for (const block of blocks) expect(block.segments).toEqual([{ kind: "same", text: expect.any(String) }]);
  });
});
