import { Table } from "@tiptap/extension-table/table";
import { TableCell } from "@tiptap/extension-table/cell";
import { TableHeader } from "@tiptap/extension-table/header";
import { TableRow } from "@tiptap/extension-table/row";

export const STORY_TABLE_NODE = "table";

// prosemirror-tables needs these three attributes; pasted spans and widths are dropped (a story
// table has no merged cells and sizes itself), so a pasted table arrives as a plain grid.
const cellAttributes = () => ({
  colspan: { default: 1, rendered: false, parseHTML: () => 1 },
  rowspan: { default: 1, rendered: false, parseHTML: () => 1 },
  colwidth: { default: null, rendered: false, parseHTML: () => null },
});

/** A header cell of the first row: a column heading for screen readers too. */
const StoryTableHeader = TableHeader.extend({
  content: "paragraph",
  addAttributes: cellAttributes,
  renderHTML: () => ["th", { scope: "col" }, 0],
});

const StoryTableCell = TableCell.extend({
  content: "paragraph",
  addAttributes: cellAttributes,
  renderHTML: () => ["td", {}, 0],
});

/**
 * A data table: one header row, plain cells, a caption. The wrapper scrolls a wide table on a
 * narrow screen, so it is focusable and named for keyboard and screen-reader users.
 */
export const StoryTable = Table.extend({
  addAttributes() {
    return {
      caption: {
        default: "",
        validate: "string",
        rendered: false,
        parseHTML: (element) => element.querySelector("caption")?.textContent?.trim() ?? "",
      },
    };
  },

  // The caption is an attribute, not rows: its element is read above and skipped as content.
  parseHTML() {
    return [{ tag: "table" }, { tag: "caption", ignore: true }];
  },

  renderHTML({ node }) {
    const caption = String(node.attrs.caption ?? "");
    return [
      "div",
      { class: "story-table", role: "region", tabindex: "0", "aria-label": caption || "Table" },
      ["table", {}, ...(caption ? [["caption", {}, caption]] : []), ["tbody", {}, 0]],
    ];
  },
}).configure({ resizable: false, View: null });

export const storyTableExtensions = [StoryTable, TableRow, StoryTableHeader, StoryTableCell];
