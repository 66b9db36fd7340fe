import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { storyBodyExtensions } from "./extensions";

let schema: Schema | undefined;

/** The ProseMirror schema of a story body, built once per process. */
export function storyBodySchema(): Schema {
  schema ??= getSchema(storyBodyExtensions);
  return schema;
}
