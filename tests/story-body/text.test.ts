import { describe, expect, it } from "vitest";
import { countWords, readingMinutes, storyBodyText, storyWordCount } from "@/lib/story-body/text";
import { EMPTY_STORY_BODY } from "@/lib/story-body/validate";
import { doc, paragraph, realisticStory, text } from "./fixtures";

describe("storyBodyText", () => {
  it("gives one string per block, including list items, quotes and captions", () => {
    expect(storyBodyText(realisticStory)).toEqual([
      "The council voted unanimously on Tuesday to close the old bridge, reopening in May. Read the full report.",
      "What happens next",
      "Traffic will be diverted.\nBuses keep running.",
      "North route",
      "South route",
      "Costs",
      "Demolition",
      "New bridge",
      "It was time.",
      "The bridge in 1950.",
      "Reactions",
      "Residents were relieved.",
    ]);
  });

  it("leaves out blocks without text", () => {
    expect(storyBodyText(EMPTY_STORY_BODY)).toEqual([]);
    expect(storyBodyText(doc(paragraph(text("  ")), paragraph(text("x"))))).toEqual(["x"]);
  });
});

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   \n\t ", 0],
    ["one", 1],
    ["The mayor resigned.", 3],
    ["state-of-the-art design", 2],
    ["don't stop", 2],
    ["It cost 3.5 million, or 1,000 each", 7],
    ["café naïve Москва Zürich", 4],
    ["words—joined by an em dash", 6],
    ["line one\nline two", 4],
    ["— … !!", 0],
    ["東京は晴れ", 5],
    ["Read it in 東京", 5],
  ])("%j has %i words", (value, expected) => {
    expect(countWords(value)).toBe(expected);
  });

  it("counts 100,000 words quickly", () => {
    const started = performance.now();
    expect(countWords("word ".repeat(100_000))).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("storyWordCount", () => {
  it("counts every block of the story", () => {
    expect(storyWordCount(realisticStory)).toBe(18 + 3 + 7 + 4 + 1 + 3 + 3 + 4 + 1 + 3);
  });

  it("is 0 for an empty story", () => {
    expect(storyWordCount(EMPTY_STORY_BODY)).toBe(0);
  });
});

describe("readingMinutes", () => {
  it.each([
    [0, 0],
    [1, 1],
    [114, 1],
    [230, 1],
    [460, 2],
    [575, 3],
    [2300, 10],
  ])("%i words take %i minutes", (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });
});
