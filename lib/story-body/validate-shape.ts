import type { MarkType, NodeType, Schema } from "@tiptap/pm/model";
import { labelOf, withArticle } from "./labels";

// Deeper than any list a writer nests by hand.
export const MAX_NODE_DEPTH = 64;
const NODE_KEYS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_KEYS = new Set(["type", "attrs"]);

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isPrimitive(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function quote(value: unknown): string {
  return JSON.stringify(String(value)).slice(0, 60);
}

// ProseMirror silently drops attributes its schema does not know, so they are refused here, before it sees them.
function checkAttrs(attrs: unknown, type: NodeType | MarkType, what: string): string | null {
  if (attrs === undefined) return null;
  if (!isPlainObject(attrs)) return `The attributes of ${withArticle(what)} must be an object.`;
  const known = type.spec.attrs ?? {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!Object.hasOwn(known, name)) {
      return `${withArticle(what, true)} has an attribute the editor does not know: ${quote(name)}.`;
    }
    if (!isPrimitive(value)) return `The ${quote(name)} attribute of ${withArticle(what)} must be a plain value.`;
  }
  return null;
}

function checkMarks(marks: unknown, nodeType: NodeType, schema: Schema): string | null {
  if (marks === undefined) return null;
  if (!Array.isArray(marks)) return "The formatting of some text must be a list.";
  if (marks.length > 0 && !nodeType.isInline) return `Formatting cannot be applied to a whole ${labelOf(nodeType.name)}.`;
  for (const mark of marks) {
    if (!isPlainObject(mark) || typeof mark.type !== "string") return "Some text has formatting without a type.";
    const markType = schema.marks[mark.type];
    if (!markType) return `Some text has formatting the editor does not support: ${quote(mark.type)}.`;
    const extraKey = Object.keys(mark).find((key) => !MARK_KEYS.has(key));
    if (extraKey) return `Some ${labelOf(mark.type)} formatting has an unknown property: ${quote(extraKey)}.`;
    const attrsError = checkAttrs(mark.attrs, markType, `${labelOf(mark.type)} mark`);
    if (attrsError) return attrsError;
  }
  return null;
}

function checkNode(node: unknown, schema: Schema, depth: number): string | null {
  if (depth > MAX_NODE_DEPTH) return "The story body is nested too deeply.";
  if (!isPlainObject(node) || typeof node.type !== "string") return "Every part of the story body must be an object with a type.";
  const nodeType = schema.nodes[node.type];
  if (!nodeType) return `The story body contains an element the editor does not support: ${quote(node.type)}.`;
  const what = labelOf(node.type);
  const extraKey = Object.keys(node).find((key) => !NODE_KEYS.has(key));
  if (extraKey) return `${withArticle(what, true)} has an unknown property: ${quote(extraKey)}.`;
  if (nodeType.isText) {
    if (typeof node.text !== "string" || node.text === "") return "Every piece of text must contain at least one character.";
  } else if (node.text !== undefined) {
    return `${withArticle(what, true)} cannot carry text directly.`;
  }
  const error = checkAttrs(node.attrs, nodeType, what) ?? checkMarks(node.marks, nodeType, schema);
  if (error) return error;
  if (node.content === undefined) return null;
  if (!Array.isArray(node.content)) return `The content of ${withArticle(what)} must be a list.`;
  for (const child of node.content) {
    const childError = checkNode(child, schema, depth + 1);
    if (childError) return childError;
  }
  return null;
}

/**
 * Whether any object or array lies deeper than maxDepth. Iterative on purpose: this runs before
 * anything recursive (JSON.stringify included) so a hostile document cannot exhaust the stack.
 */
export function exceedsJsonDepth(value: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Refuses anything ProseMirror would drop, ignore or crash on, with a message a writer can act on. */
export function checkShape(input: unknown, schema: Schema): string | null {
  if (!isPlainObject(input) || input.type !== "doc") return 'The story body must be a document (type "doc").';
  return checkNode(input, schema, 0);
}

/** Turns the errors of ProseMirror's own checks into sentences. */
export function describeProseMirrorError(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  let match: RegExpMatchArray | null;
  if ((match = message.match(/^Invalid content for node (\w+)/))) {
    return `${withArticle(labelOf(match[1]), true)} contains something that is not allowed there.`;
  }
  if (/^Invalid collection of marks/.test(message) || /^Invalid marks/.test(message)) {
    return "Some text has formatting that is not allowed there, or the same formatting twice.";
  }
  if ((match = message.match(/attribute (\w+) on type (\w+)/))) {
    return `The ${quote(match[1])} attribute of ${withArticle(labelOf(match[2]))} has the wrong kind of value.`;
  }
  if ((match = message.match(/^No value supplied for attribute (\w+)/))) {
    return `An element of the story body is missing its required ${quote(match[1])} attribute.`;
  }
  return "The story body is not a valid document.";
}
