const LABELS: Record<string, string> = {
  doc: "story body",
  paragraph: "paragraph",
  text: "text",
  heading: "heading",
  blockquote: "quote",
  bulletList: "bulleted list",
  orderedList: "numbered list",
  listItem: "list item",
  horizontalRule: "divider",
  hardBreak: "line break",
  storyImage: "image",
  embed: "embed",
  pullQuote: "pull quote",
  table: "table",
  tableRow: "table row",
  tableHeader: "table header cell",
  tableCell: "table cell",
  storyGallery: "gallery",
  galleryImage: "gallery image",
  bold: "bold",
  italic: "italic",
  strike: "strikethrough",
  link: "link",
};

/** How a node or mark type is called in messages shown to writers. */
export function labelOf(typeName: string): string {
  return LABELS[typeName] ?? `"${typeName}"`;
}

/** "a paragraph", "an image": messages read as sentences. */
export function withArticle(label: string, capitalized = false): string {
  const article = /^[aeiou]/i.test(label) ? "an" : "a";
  return `${capitalized ? article[0].toUpperCase() + article.slice(1) : article} ${label}`;
}
