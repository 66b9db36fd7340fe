import { Node } from "@tiptap/core";
import type { DOMOutputSpec } from "@tiptap/pm/model";

export const PULL_QUOTE_NODE = "pullQuote";

/**
 * A short passage lifted out and set large, with an optional attribution. Plain text only: it is
 * display type, and its words must read the same in a feed reader as on the page.
 */
export const PullQuote = Node.create({
  name: PULL_QUOTE_NODE,
  group: "block",
  content: "text*",
  marks: "",
  defining: true,

  addAttributes() {
    return {
      attribution: {
        default: "",
        validate: "string",
        rendered: false,
        // parseHTML runs only in the browser (pasting); the dash is ours, not part of the name.
        parseHTML: (element) => element.querySelector("figcaption")?.textContent?.replace(/^\s*—\s*/, "").trim() ?? "",
      },
    };
  },

  parseHTML() {
    return [{ tag: "figure[data-pull-quote]", contentElement: "blockquote" }];
  },

  renderHTML({ node }) {
    const attribution = String(node.attrs.attribution ?? "");
    const caption: DOMOutputSpec[] = attribution ? [["figcaption", {}, `— ${attribution}`]] : [];
    return ["figure", { "data-pull-quote": "", class: "pull-quote" }, ["blockquote", {}, ["p", {}, 0]], ...caption];
  },
});
