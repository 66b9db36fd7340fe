export const MAX_QUERY_LENGTH = 200;

/**
 * A search box's text as the search runs it: control characters (a NUL would make Postgres
 * refuse the text) become spaces, and at most 200 characters are kept, never half an emoji.
 */
export function normalizeSearchQuery(value: string | string[] | undefined): string {
  const text = (Array.isArray(value) ? value[0] : value) ?? "";
  const cleaned = text.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
  return Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join("").trim();
}
