import type { JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { MAX_NODE_DEPTH, checkShape, describeProseMirrorError, exceedsJsonDepth } from "./validate-shape";
import { checkContent } from "./validate-content";
import { storyBodySchema } from "./schema";
import { storyWordCount } from "./text";

export const MAX_STORY_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_STORY_BODY_WORDS = 100_000;

export const EMPTY_STORY_BODY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

export type ParsedStoryBody = { ok: true; doc: JSONContent } | { ok: false; error: string };

function serializedBytes(input: unknown): number | null {
  try {
    const json = JSON.stringify(input);
    return typeof json === "string" ? new TextEncoder().encode(json).length : null;
  } catch {
    return null;
  }
}

/**
 * The only way a story body gets into the database: refuses anything the editor could not
 * have produced, and returns the document as plain JSON, normalized by the schema.
 */
export function parseStoryBody(input: unknown): ParsedStoryBody {
  const refuse = (error: string): ParsedStoryBody => ({ ok: false, error });
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return refuse("The story body must be a document, not a single value or a list.");
  }
  // Each node is an object holding a content array, plus room for attrs and marks below the deepest one.
  if (exceedsJsonDepth(input, 2 * MAX_NODE_DEPTH + 4)) return refuse("The story body is nested too deeply.");
  const bytes = serializedBytes(input);
  if (bytes === null) return refuse("The story body could not be read as a document.");
  if (bytes > MAX_STORY_BODY_BYTES) return refuse("The story body is too large: the limit is 2 MB.");

  const schema = storyBodySchema();
  const shapeError = checkShape(input, schema);
  if (shapeError) return refuse(shapeError);
  if (storyWordCount(input as JSONContent) > MAX_STORY_BODY_WORDS) {
    return refuse("The story body is too long: the limit is 100,000 words.");
  }

  let doc: ProseMirrorNode;
  try {
    doc = ProseMirrorNode.fromJSON(schema, input);
    doc.check();
  } catch (error) {
    return refuse(describeProseMirrorError(error));
  }
  const contentError = checkContent(doc);
  if (contentError) return refuse(contentError);

  // ProseMirror's attrs objects have a null prototype, which React refuses to serialize: hand back plain JSON.
  return { ok: true, doc: JSON.parse(JSON.stringify(doc.toJSON())) as JSONContent };
}
