"use client";

import type { EditorState } from "@tiptap/pm/state";
import { type Editor, useEditorState } from "@tiptap/react";
import { type Tool, ToolButton } from "./tool-button";

/** Where the cursor is in the table around it: the header row cannot be deleted, nor the last column. */
function tablePosition(state: EditorState): { inHeaderRow: boolean; columns: number } {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === "tableRow") {
      return { inHeaderRow: $from.index(depth - 1) === 0, columns: $from.node(depth).childCount };
    }
  }
  return { inHeaderRow: false, columns: 0 };
}

/** Rows and columns of the table the cursor is in; shown only there. */
export function TableTools({ editor }: { editor: Editor }) {
  const position = useEditorState({ editor, selector: ({ editor: current }) => tablePosition(current.state) });
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    { name: "Add row", label: "Add row", run: () => chain().addRowAfter().run() },
    { name: "Add column", label: "Add column", run: () => chain().addColumnAfter().run() },
    { name: "Delete row", label: "Delete row", disabled: position.inHeaderRow, run: () => chain().deleteRow().run() },
    { name: "Delete column", label: "Delete column", disabled: position.columns <= 1, run: () => chain().deleteColumn().run() },
    { name: "Delete table", label: "Delete table", run: () => chain().deleteTable().run() },
  ];
  return (
    <div role="group" aria-label="Table" className="flex flex-wrap gap-1 border-l border-stone-300 pl-1">
      {tools.map((tool) => (
        <ToolButton key={tool.name} tool={tool} />
      ))}
    </div>
  );
}
