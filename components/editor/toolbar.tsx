"use client";

import { type Editor, useEditorState } from "@tiptap/react";
import type { ReactNode } from "react";
import { PULL_QUOTE_NODE } from "@/lib/story-body/pull-quote";
import { TableTools } from "./table-tools";
import { type Tool, ToolButton } from "./tool-button";

const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "Cmd" : "Ctrl";

type ToolbarProps = { editor: Editor; onLink: () => void; onEmbed: () => void; onImage: (file: File) => void; uploading: boolean; children?: ReactNode };

/** The editor's buttons; `children` are tools that bring their own dialogs (the media library). */
export function Toolbar({ editor, onLink, onEmbed, onImage, uploading, children }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      strike: current.isActive("strike"),
      h2: current.isActive("heading", { level: 2 }),
      h3: current.isActive("heading", { level: 3 }),
      bullets: current.isActive("bulletList"),
      numbers: current.isActive("orderedList"),
      quote: current.isActive("blockquote"),
      link: current.isActive("link"),
      pullQuote: current.isActive(PULL_QUOTE_NODE),
      table: current.isActive("table"),
    }),
  });
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    { name: "Bold", label: "B", shortcut: `${MOD}+B`, active: state.bold, run: () => chain().toggleBold().run() },
    { name: "Italic", label: "I", shortcut: `${MOD}+I`, active: state.italic, run: () => chain().toggleItalic().run() },
    { name: "Strikethrough", label: "S", shortcut: `${MOD}+Shift+S`, active: state.strike, run: () => chain().toggleStrike().run() },
    { name: "Subhead", label: "H2", shortcut: `${MOD}+Alt+2`, active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { name: "Minor subhead", label: "H3", shortcut: `${MOD}+Alt+3`, active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { name: "Link", label: "Link", shortcut: `${MOD}+K`, active: state.link, run: onLink },
    { name: "Bulleted list", label: "• List", shortcut: `${MOD}+Shift+8`, active: state.bullets, run: () => chain().toggleBulletList().run() },
    { name: "Numbered list", label: "1. List", shortcut: `${MOD}+Shift+7`, active: state.numbers, run: () => chain().toggleOrderedList().run() },
    { name: "Quote", label: "❝", shortcut: `${MOD}+Shift+B`, active: state.quote, run: () => chain().toggleBlockquote().run() },
    { name: "Divider", label: "―", run: () => chain().setHorizontalRule().run() },
    { name: "Embed a video, post, chart or map", label: "Embed", run: onEmbed },
    { name: "Pull quote", label: "Pull quote", active: state.pullQuote, run: () => chain().toggleNode(PULL_QUOTE_NODE, "paragraph").run() },
    { name: "Table", label: "Table", disabled: state.table, run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { name: "Undo", label: "↶", shortcut: `${MOD}+Z`, run: () => chain().undo().run() },
    { name: "Redo", label: "↷", shortcut: `${MOD}+Shift+Z`, run: () => chain().redo().run() },
  ];
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1 border-b border-stone-200 p-2">
      {tools.map((tool) => (
        <ToolButton key={tool.name} tool={tool} />
      ))}
      {state.table && <TableTools editor={editor} />}
      <label className={`cursor-pointer rounded px-2 py-1 text-sm hover:bg-stone-100 ${uploading ? "opacity-60" : ""}`} title="Insert an image">
        {uploading ? "Uploading…" : "Image"}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          aria-label="Insert an image"
          disabled={uploading}
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) onImage(file);
          }}
        />
      </label>
      {children}
    </div>
  );
}
