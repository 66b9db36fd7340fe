"use client";

import { NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from "@tiptap/react";
import { StoryImage } from "@/lib/story-body/story-image";
import { ImageTextFields } from "./image-text-fields";

/** An image in the body with its alt text, caption and credit edited in place. */
function StoryImageView({ node, updateAttributes, editor, deleteNode }: ReactNodeViewProps) {
  const { src, alt, caption, credit, width, height } = node.attrs as Record<string, string | number | null>;
  const editable = editor.isEditable;
  return (
    <NodeViewWrapper as="figure" data-story-image="" className="not-prose my-6 rounded border border-stone-200 p-2">
      <img src={String(src)} alt={String(alt ?? "")} width={Number(width) || undefined} height={Number(height) || undefined} className="h-auto max-w-full" />
      {editable ? (
        <div className="mt-2 grid gap-2 sm:grid-cols-2" contentEditable={false}>
          <ImageTextFields attrs={node.attrs} onChange={updateAttributes} wide />
          <button type="button" onClick={deleteNode} className="justify-self-start text-xs underline">
            Remove image
          </button>
        </div>
      ) : (
        (caption || credit) && (
          <figcaption className="mt-1 text-sm text-stone-600">
            {caption} {credit && <span className="text-stone-500">{credit}</span>}
          </figcaption>
        )
      )}
    </NodeViewWrapper>
  );
}

/** The shared image node, with this editing view in the browser only. */
export const EditableStoryImage = StoryImage.extend({
  addNodeView() {
    return ReactNodeViewRenderer(StoryImageView);
  },
});
