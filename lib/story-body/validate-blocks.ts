import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

export const PULL_QUOTE_LIMITS = { text: 1000, attribution: 200 } as const;
export const TABLE_LIMITS = { caption: 500, columns: 20, rows: 500 } as const;

export function checkPullQuote(node: ProseMirrorNode): string | null {
  if (node.textContent.length > PULL_QUOTE_LIMITS.text) {
    return `A pull quote is too long: the limit is ${PULL_QUOTE_LIMITS.text.toLocaleString("en")} characters.`;
  }
  if (String(node.attrs.attribution).length > PULL_QUOTE_LIMITS.attribution) {
    return `A pull quote's attribution is too long: the limit is ${PULL_QUOTE_LIMITS.attribution} characters.`;
  }
  return null;
}

function cellTypes(row: ProseMirrorNode): string[] {
  const types: string[] = [];
  row.forEach((cell) => types.push(cell.type.name));
  return types;
}

function hasMergedCells(table: ProseMirrorNode): boolean {
  let merged = false;
  table.forEach((row) => row.forEach((cell) => (merged ||= cell.attrs.colspan !== 1 || cell.attrs.rowspan !== 1)));
  return merged;
}

/**
 * A table readers (and screen readers) can follow: a grid of plain cells whose first row, and
 * only that row, holds the column headings. The caption may still be empty while the story is
 * written; the submit checklist asks for it.
 */
export function checkTable(table: ProseMirrorNode): string | null {
  if (String(table.attrs.caption).length > TABLE_LIMITS.caption) {
    return `A table's caption is too long: the limit is ${TABLE_LIMITS.caption} characters.`;
  }
  if (hasMergedCells(table)) return "A table cannot have merged cells: every cell must span one row and one column.";
  const rows: string[][] = [];
  table.forEach((row) => rows.push(cellTypes(row)));
  if (rows.length > TABLE_LIMITS.rows) return `A table can have at most ${TABLE_LIMITS.rows} rows.`;
  const width = rows[0].length;
  if (width === 0) return "A table's header row needs at least one cell.";
  if (width > TABLE_LIMITS.columns) return `A table can have at most ${TABLE_LIMITS.columns} columns.`;
  if (rows.some((row) => row.length !== width)) return "Every row of a table must have the same number of cells.";
  if (rows[0].some((type) => type !== "tableHeader")) {
    return "A table needs a header row: every cell of its first row must be a column heading.";
  }
  if (rows.slice(1).some((row) => row.some((type) => type !== "tableCell"))) {
    return "Only the first row of a table can hold column headings.";
  }
  return null;
}
