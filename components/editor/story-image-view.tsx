"use client";

import { NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from "@tiptap/react";
import { StoryImage } from "@/lib/story-body/story-image";

const inputClass = "mt-1 w-full rounded border border-stone-300 px-2 py-1 text-sm font-normal";

/** An image in the body with its alt text, caption and credit edited in place. */
function StoryImageView({ node, updateAttributes, editor, deleteNode }: ReactNodeViewProps) {
  const { src, alt, caption, credit, width, height } = node.attrs as Record<string, string | number | null>;
  const editable = editor.isEditable;
  const missingAlt = !String(alt ?? "").trim();
  return (
    <NodeViewWrapper as="figure" data-story-image="" className="not-prose my-6 rounded border border-stone-200 p-2">
      <img src={String(src)} alt={String(alt ?? "")} width={Number(width) || undefined} height={Number(height) || undefined} className="h-auto max-w-full" />
      {editable ? (
        <div className="mt-2 grid gap-2 sm:grid-cols-2" contentEditable={false}>
          <label className="text-xs font-medium sm:col-span-2">
            Alt text {missingAlt && <span className="text-red-800">(required: describe the image for readers who cannot see it)</span>}
            <input value={String(alt ?? "")} maxLength={500} onChange={(event) => updateAttributes({ alt: event.target.value })} className={inputClass} />
          </label>
          <label className="text-xs font-medium">
            Caption
            <input value={String(caption ?? "")} maxLength={1000} onChange={(event) => updateAttributes({ caption: event.target.value })} className={inputClass} />
          </label>
          <label className="text-xs font-medium">
            Credit
            <input value={String(credit ?? "")} maxLength={200} onChange={(event) => updateAttributes({ credit: event.target.value })} className={inputClass} />
          </label>
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
