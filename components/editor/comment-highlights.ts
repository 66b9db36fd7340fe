import { type Editor, Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { type CommentAnchor, locateAnchor } from "@/lib/comments/anchor";

export type AnchoredComment = { id: string; anchor: CommentAnchor };

declare module "@tiptap/core" {
  interface Storage {
    commentHighlights: { anchored: AnchoredComment[] };
  }
}

const highlightsKey = new PluginKey<DecorationSet>("commentHighlights");

function decorate(doc: ProseMirrorNode, anchored: readonly AnchoredComment[]): DecorationSet {
  const decorations = anchored.flatMap(({ id, anchor }) => {
    const range = locateAnchor(doc, anchor);
    return range ? [Decoration.inline(range.from, range.to, { class: "comment-anchor rounded-sm bg-amber-200 text-stone-950", "data-comment-id": id })] : [];
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Marks the words open inline comments point at. Nothing is written into the story: the marks are
 * decorations, found again from each anchor whenever the text changes.
 */
export const CommentHighlights = Extension.create<unknown, { anchored: AnchoredComment[] }>({
  name: "commentHighlights",
  addStorage: () => ({ anchored: [] }),
  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      new Plugin<DecorationSet>({
        key: highlightsKey,
        state: {
          init: (_config, state) => decorate(state.doc, storage.anchored),
          apply: (tr, previous, _old, state) =>
            tr.getMeta(highlightsKey) || tr.docChanged ? decorate(state.doc, storage.anchored) : previous,
        },
        props: { decorations: (state) => highlightsKey.getState(state) },
      }),
    ];
  },
});

/** Shows these comments' anchors in the editor. */
export function showCommentHighlights(editor: Editor, anchored: AnchoredComment[]) {
  editor.storage.commentHighlights.anchored = anchored;
  editor.view.dispatch(editor.state.tr.setMeta(highlightsKey, true));
}
