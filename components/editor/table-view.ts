import { isNodeActive } from "@tiptap/core";
import { Fragment, type Node as ProseMirrorNode, Slice } from "@tiptap/pm/model";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView, NodeView, ViewMutationRecord } from "@tiptap/pm/view";
import { STORY_TABLE_NODE, StoryTable } from "@/lib/story-body/story-table";
import { TABLE_LIMITS } from "@/lib/story-body/validate-blocks";

/**
 * A table in the editor: its caption in a field above the grid (the caption is an attribute,
 * so it is not typed in the cells' flow), the rows in a tbody ProseMirror and prosemirror-tables manage.
 */
class EditableTableView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private readonly caption: HTMLInputElement;
  private readonly captionLabel: HTMLElement;

  constructor(
    private node: ProseMirrorNode,
    view: EditorView,
    getPos: () => number | undefined,
  ) {
    this.dom = document.createElement("div");
    this.dom.className = "story-table my-6 rounded border border-stone-200 p-2";
    this.captionLabel = document.createElement("label");
    this.captionLabel.className = "not-prose block text-xs font-medium";
    this.captionLabel.contentEditable = "false";
    this.captionLabel.append("Table caption");
    this.caption = document.createElement("input");
    this.caption.className = "mt-1 mb-2 w-full rounded border border-stone-300 px-2 py-1 text-sm font-normal";
    this.caption.maxLength = TABLE_LIMITS.caption;
    this.caption.placeholder = "What the table shows (required before review)";
    this.caption.value = String(node.attrs.caption ?? "");
    this.caption.readOnly = !view.editable;
    this.caption.addEventListener("input", () => {
      const position = getPos();
      if (position !== undefined) view.dispatch(view.state.tr.setNodeAttribute(position, "caption", this.caption.value));
    });
    this.captionLabel.append(this.caption);
    const table = document.createElement("table");
    this.contentDOM = document.createElement("tbody");
    table.append(this.contentDOM);
    this.dom.append(this.captionLabel, table);
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    const caption = String(node.attrs.caption ?? "");
    if (this.caption.value !== caption) this.caption.value = caption;
    return true;
  }

  // The caption field handles its own typing; ProseMirror owns only the rows.
  stopEvent(event: Event): boolean {
    return event.target instanceof Node && this.captionLabel.contains(event.target);
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(mutation.target);
  }
}

/**
 * A story table's first row holds the column headings and no other row does; rows a split merged
 * cell left short are filled up at their end, so each column keeps its heading.
 */
function withHeaderRowFirst(table: ProseMirrorNode): ProseMirrorNode {
  const { tableHeader, tableCell } = table.type.schema.nodes;
  let width = 0;
  table.forEach((row) => (width = Math.max(width, row.childCount)));
  const rows: ProseMirrorNode[] = [];
  table.forEach((row, _offset, index) => {
    const type = index === 0 ? tableHeader : tableCell;
    const cells: ProseMirrorNode[] = [];
    row.forEach((cell) => cells.push(type.create(cell.attrs, cell.content)));
    while (cells.length < width) cells.push(type.createAndFill()!);
    rows.push(row.copy(Fragment.from(cells)));
  });
  return table.copy(Fragment.from(rows));
}

/** Whole tables only: a slice open on a table is cells copied out of one, which keep their kinds. */
function tablesWithHeaderRows(slice: Slice): Slice {
  const nodes: ProseMirrorNode[] = [];
  slice.content.forEach((node, _offset, index) => {
    const open = (index === 0 && slice.openStart > 0) || (index === slice.content.childCount - 1 && slice.openEnd > 0);
    nodes.push(node.type.name === STORY_TABLE_NODE && !open ? withHeaderRowFirst(node) : node);
  });
  return new Slice(Fragment.from(nodes), slice.openStart, slice.openEnd);
}

/**
 * The shared table node, with this editing view in the browser only. Tables pasted from a
 * spreadsheet or another site rarely mark a header row: their first row becomes it, so the story
 * can still be saved (merged cells are split when pasted, see lib/story-body/story-table.ts).
 */
export const EditableStoryTable = StoryTable.extend({
  addNodeView() {
    return ({ node, view, getPos }) => new EditableTableView(node, view, getPos);
  },
  addProseMirrorPlugins() {
    const pastedTables = new Plugin({
      // Pasted into a table, prosemirror-tables places the cells itself.
      props: { transformPasted: (slice, view) => (isNodeActive(view.state, STORY_TABLE_NODE) ? slice : tablesWithHeaderRows(slice)) },
    });
    return [...(this.parent?.() ?? []), pastedTables];
  },
});
