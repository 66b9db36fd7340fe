import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { z } from "@/lib/zod";

/**
 * Where an inline comment points: the quoted words and a little context either side (the W3C Web
 * Annotation "text quote selector"). Positions would break with the first edit above the phrase;
 * the quote is found again however the text around it changes, and only disappears with the words.
 */
export const commentAnchor = z.strictObject({
  quote: z.string().min(1, "Select the words to comment on.").max(500, "Select at most 500 characters to comment on."),
  prefix: z.string().max(32),
  suffix: z.string().max(32),
});
export type CommentAnchor = z.infer<typeof commentAnchor>;

const CONTEXT = 32;

type Block = { text: string; positions: number[] };

/** Each textblock's text, with the document position of every character. */
function textBlocks(doc: ProseMirrorNode): Block[] {
  const blocks: Block[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const block: Block = { text: "", positions: [] };
    node.forEach((child, offset) => {
      const start = pos + 1 + offset;
      const text = child.isText ? child.text! : child.type.name === "hardBreak" ? "\n" : "\ufffc";
      for (let index = 0; index < text.length; index += 1) block.positions.push(start + index);
      block.text += text;
    });
    blocks.push(block);
    return false;
  });
  return blocks;
}

/** The anchor for a selection inside one paragraph or subhead; null if it spans blocks or is empty. */
export function anchorForSelection(doc: ProseMirrorNode, from: number, to: number): CommentAnchor | null {
  if (to <= from) return null;
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if (!$from.parent.isTextblock || $from.parent !== $to.parent) return null;
  const blockStart = $from.start();
  const text = $from.parent.textBetween(0, $from.parent.content.size, "\n", "\ufffc");
  const start = from - blockStart;
  const end = to - blockStart;
  const quote = text.slice(start, end);
  if (!quote.trim()) return null;
  return { quote: quote.slice(0, 500), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) };
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length += 1;
  return length;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/** Where the quoted words are now: the occurrence whose surroundings match best; null once they are gone. */
export function locateAnchor(doc: ProseMirrorNode, anchor: CommentAnchor): { from: number; to: number } | null {
  let best: { from: number; to: number; score: number } | null = null;
  for (const block of textBlocks(doc)) {
    for (let index = block.text.indexOf(anchor.quote); index !== -1; index = block.text.indexOf(anchor.quote, index + 1)) {
      const before = block.text.slice(Math.max(0, index - CONTEXT), index);
      const after = block.text.slice(index + anchor.quote.length, index + anchor.quote.length + CONTEXT);
      const score = commonSuffixLength(before, anchor.prefix) + commonPrefixLength(after, anchor.suffix);
      if (!best || score > best.score) {
        const last = block.positions[index + anchor.quote.length - 1];
        best = { from: block.positions[index], to: last + 1, score };
      }
    }
  }
  return best && { from: best.from, to: best.to };
}
