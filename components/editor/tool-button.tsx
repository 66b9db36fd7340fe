"use client";

export type Tool = { name: string; label: string; shortcut?: string; active?: boolean; disabled?: boolean; run: () => void };

/** One toolbar button: named with its shortcut, pressed while its formatting applies, never stealing the editor's focus. */
export function ToolButton({ tool }: { tool: Tool }) {
  const title = tool.shortcut ? `${tool.name} (${tool.shortcut})` : tool.name;
  return (
    <button
      type="button"
      title={title}
      aria-label={title}
      aria-pressed={tool.active === undefined ? undefined : tool.active}
      disabled={tool.disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={tool.run}
      className={`min-w-8 rounded px-2 py-1 text-sm disabled:opacity-40 ${tool.active ? "bg-stone-900 text-white" : "hover:bg-stone-100"}`}
    >
      {tool.label}
    </button>
  );
}
