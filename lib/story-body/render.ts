import type { JSONContent } from "@tiptap/core";
import { renderToHTMLString, serializeAttrsToHTMLString, serializeChildrenToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { LINK_REL, storyBodyExtensions } from "./extensions";
import { isSafeHref } from "./href";

function safeString(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * The one renderer for preview, public page and feeds. Give it only documents that passed
 * parseStoryBody; it still escapes everything and re-checks every link on its own.
 */
export function renderStoryBodyHtml(doc: JSONContent): string {
  return renderToHTMLString({
    content: doc,
    extensions: storyBodyExtensions,
    options: {
      markMapping: {
        // Replaces the Link extension's output, which keeps an unsafe link as href="" and copies
        // target/class from the document; here an unsafe href is dropped and rel is always ours.
        link: ({ mark, children }) => {
          const href = safeString(mark.attrs.href);
          const attrs = { href: href && isSafeHref(href) ? href : null, rel: LINK_REL, title: safeString(mark.attrs.title) };
          return `<a${serializeAttrsToHTMLString(attrs)}>${serializeChildrenToHTMLString(children)}</a>`;
        },
      },
    },
  });
}
