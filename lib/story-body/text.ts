import type { JSONContent } from "@tiptap/core";

const WORDS_PER_MINUTE = 230;
const TEXTBLOCKS = new Set(["paragraph", "heading", "pullQuote"]);
// Chinese and Japanese are written without spaces: each character counts as a word, as word processors do.
const UNSPACED_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
// Letters and digits in any script, joined by apostrophes and hyphens ("state-of-the-art", "don't")
// and by decimal separators between digits ("3.5", "1,000"), like a reader counts them.
const WORD = /[\p{L}\p{N}\p{M}]+(?:(?:['\u2019\u2010\u2011-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;

function inlineText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

// Text kept in attributes, read as blocks of their own: a table's caption comes before its cells.
const TEXT_BEFORE_CONTENT: Record<string, string> = { table: "caption" };
const TEXT_AFTER_CONTENT: Record<string, string> = { storyImage: "caption", galleryImage: "caption", pullQuote: "attribution" };

/**
 * The readable text of a story, one string per block: paragraphs and headings (also inside
 * lists, quotes and table cells), pull quotes and their attributions, image and table captions.
 * Blocks without visible text are left out.
 */
export function storyBodyText(doc: JSONContent): string[] {
  const blocks: string[] = [];
  const push = (text: string) => {
    if (text.trim() !== "") blocks.push(text);
  };
  const attribute = (node: JSONContent, names: Record<string, string>) => {
    const name = names[node.type ?? ""];
    if (name) push(String(node.attrs?.[name] ?? ""));
  };
  const visit = (node: JSONContent) => {
    attribute(node, TEXT_BEFORE_CONTENT);
    if (TEXTBLOCKS.has(node.type ?? "")) push(inlineText(node));
    else node.content?.forEach(visit);
    attribute(node, TEXT_AFTER_CONTENT);
  };
  visit(doc);
  return blocks;
}

/**
 * Words as a reader counts them, in any script. A regular expression rather than Intl.Segmenter,
 * whose iteration is quadratic in V8 (Node 20): 40,000 words took two minutes.
 */
export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED_CHARACTER)?.length ?? 0;
  return unspaced + (text.replace(UNSPACED_CHARACTER, " ").match(WORD)?.length ?? 0);
}

export function storyWordCount(doc: JSONContent): number {
  return storyBodyText(doc).reduce((total, block) => total + countWords(block), 0);
}

export function readingMinutes(words: number): number {
  if (!(words > 0)) return 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
