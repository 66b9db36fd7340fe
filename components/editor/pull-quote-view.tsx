"use client";

import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from "@tiptap/react";
import { PullQuote } from "@/lib/story-body/pull-quote";

/** A pull quote typed in place, its attribution in a field under it. */
function PullQuoteView({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const attribution = String(node.attrs.attribution ?? "");
  return (
    <NodeViewWrapper as="figure" data-pull-quote="" className="pull-quote">
      <NodeViewContent<"blockquote"> as="blockquote" className="m-0 min-h-8 text-2xl font-bold leading-tight" />
      {editor.isEditable ? (
        <label className="mt-2 block text-xs font-medium not-prose" contentEditable={false}>
          Attribution (optional)
          <input
            value={attribution}
            maxLength={200}
            onChange={(event) => updateAttributes({ attribution: event.target.value })}
            className="mt-1 w-full rounded border border-stone-300 px-2 py-1 text-sm font-normal"
          />
        </label>
      ) : (
        attribution && <figcaption>— {attribution}</figcaption>
      )}
    </NodeViewWrapper>
  );
}

/** The shared pull quote node, with this editing view in the browser only. */
export const EditablePullQuote = PullQuote.extend({
  addNodeView() {
    return ReactNodeViewRenderer(PullQuoteView);
  },
});
