import type { JSONContent } from "@tiptap/core";
import { diffArrays, diffWordsWithSpace } from "diff";
import { storyBodyText } from "./text";

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };
export type DiffBlock = { segments: DiffSegment[] };

// A pathological pair of long texts must not hold up the revision page; past this the change is shown whole.
const DIFF_TIMEOUT_MS = 1000;
// Below this share of common words a changed block reads better as "removed, then added" than interleaved.
const MIN_SIMILARITY = 0.3;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function similarity(a: string, b: string): number {
  const wordsA = words(a);
  const wordsB = words(b);
  if (wordsA.size + wordsB.size === 0) return 1;
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared++;
  return (2 * shared) / (wordsA.size + wordsB.size);
}

function pushSegment(segments: DiffSegment[], kind: DiffSegment["kind"], text: string) {
  if (text === "") return;
  const last = segments.at(-1);
  if (last?.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/** Word-level changes between two strings, e.g. two versions of a headline. */
export function diffText(before: string, after: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  const changes = diffWordsWithSpace(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) {
    pushSegment(segments, "removed", before);
    pushSegment(segments, "added", after);
    return segments;
  }
  for (const change of changes) {
    pushSegment(segments, change.added ? "added" : change.removed ? "removed" : "same", change.value);
  }
  return segments;
}

const whole = (kind: DiffSegment["kind"], text: string): DiffBlock => ({ segments: [{ kind, text }] });

/** Pairs each removed block with a later similar added block, in order; the rest stay whole. */
function alignReplacement(removed: string[], added: string[]): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  let next = 0;
  for (const old of removed) {
    const offset = added.slice(next).findIndex((candidate) => similarity(old, candidate) >= MIN_SIMILARITY);
    if (offset === -1) {
      blocks.push(whole("removed", old));
      continue;
    }
    for (const inserted of added.slice(next, next + offset)) blocks.push(whole("added", inserted));
    blocks.push({ segments: diffText(old, added[next + offset]) });
    next += offset + 1;
  }
  for (const inserted of added.slice(next)) blocks.push(whole("added", inserted));
  return blocks;
}

/** Block-by-block, word-level changes between two story bodies, for the revision history. */
export function diffStoryBodies(before: JSONContent, after: JSONContent): DiffBlock[] {
  const oldBlocks = storyBodyText(before);
  const newBlocks = storyBodyText(after);
  const changes = diffArrays(oldBlocks, newBlocks, { timeout: DIFF_TIMEOUT_MS }) ?? [
    { value: oldBlocks, removed: true, added: false, count: oldBlocks.length },
    { value: newBlocks, removed: false, added: true, count: newBlocks.length },
  ];
  const blocks: DiffBlock[] = [];
  let pendingRemoved: string[] = [];
  const flush = (added: string[]) => {
    blocks.push(...alignReplacement(pendingRemoved, added));
    pendingRemoved = [];
  };
  for (const change of changes) {
    if (change.removed) pendingRemoved.push(...change.value);
    else if (change.added) flush(change.value);
    else {
      flush([]);
      blocks.push(...change.value.map((text) => whole("same", text)));
    }
  }
  flush([]);
  return blocks;
}
