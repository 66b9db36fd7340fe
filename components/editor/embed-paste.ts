import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { matchEmbedUrl } from "@/lib/embeds/providers";

/**
 * A provider's link pasted on a line of its own becomes an embed: the link goes in at once (so
 * nothing is lost if the provider fails) and `onEmbedLink` asks the server to turn it into one.
 * A link pasted among words stays a link.
 */
export const EmbedPaste = Extension.create<{ onEmbedLink: (link: string) => void }>({
  name: "embedPaste",
  // Before the Link extension's own paste handling, which would otherwise take the link.
  priority: 200,
  addOptions: () => ({ onEmbedLink: () => {} }),
  addProseMirrorPlugins() {
    const { onEmbedLink } = this.options;
    return [
      new Plugin({
        key: new PluginKey("embedPaste"),
        props: {
          handlePaste: (view, event) => {
            const link = event.clipboardData?.getData("text/plain").trim() ?? "";
            const { selection, schema } = view.state;
            const line = selection.$from.parent;
            if (!selection.empty || line.type.name !== "paragraph" || line.content.size > 0 || !matchEmbedUrl(link)) return false;
            view.dispatch(view.state.tr.insertText(link).addMark(selection.from, selection.from + link.length, schema.marks.link.create({ href: link })));
            onEmbedLink(link);
            return true;
          },
        },
      }),
    ];
  },
});
