"use client";

import { NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from "@tiptap/react";
import { embedProvider } from "@/lib/embeds/providers";
import { Embed, type EmbedAttrs } from "@/lib/story-body/embed";

/** The editor's preview of an embed: what it is and where it is from. The provider's player never loads in the desk. */
function EmbedView({ node, editor, deleteNode }: ReactNodeViewProps) {
  const attrs = node.attrs as EmbedAttrs;
  const name = embedProvider(attrs.provider)?.name ?? attrs.provider;
  return (
    <NodeViewWrapper as="figure" data-embed={attrs.provider} className="not-prose my-6 flex gap-3 rounded border border-stone-200 p-2" contentEditable={false}>
      {attrs.thumbnail ? (
        <img src={attrs.thumbnail} alt="" width={attrs.thumbnailWidth ?? undefined} height={attrs.thumbnailHeight ?? undefined} className="h-24 w-40 shrink-0 rounded object-cover" />
      ) : (
        <div className="flex h-24 w-40 shrink-0 items-center justify-center rounded bg-stone-100 text-sm text-stone-600">{name}</div>
      )}
      <figcaption className="min-w-0 text-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-stone-500">{name} embed</p>
        <p className="font-medium">{attrs.title || attrs.url}</p>
        {attrs.author && <p className="text-stone-600">{attrs.author}</p>}
        <a href={attrs.url} rel="noopener noreferrer nofollow" target="_blank" className="block truncate text-stone-600 underline">
          {attrs.url}
        </a>
        <p className="text-xs text-stone-500">Readers see this preview and load the content from {name} only if they choose to.</p>
        {editor.isEditable && (
          <button type="button" onClick={deleteNode} className="mt-1 text-xs underline">
            Remove embed
          </button>
        )}
      </figcaption>
    </NodeViewWrapper>
  );
}

/** The shared embed node, with this preview in the browser only. */
export const EditableEmbed = Embed.extend({
  addNodeView() {
    return ReactNodeViewRenderer(EmbedView);
  },
});
