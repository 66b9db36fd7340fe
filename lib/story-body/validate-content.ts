import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { isSafeHref } from "./href";
import { isStoryMediaPath } from "./media-path";
import { checkEmbed } from "./validate-embed";
import { checkPullQuote, checkTable } from "./validate-blocks";
import { GALLERY_SIZE } from "./story-gallery";

export const IMAGE_TEXT_LIMITS = { alt: 500, caption: 1000, credit: 200 } as const;
const LINK_TITLE_LIMIT = 500;
const ORDERED_LIST_TYPES = new Set([null, "1", "a", "A", "i", "I"]);

function checkLink(mark: Mark): string | null {
  const { href, title } = mark.attrs;
  if (typeof href !== "string" || href === "") return "Every link needs an address.";
  if (!isSafeHref(href)) {
    return "A link points to an address that is not allowed: only web (http, https), email, phone and relative links are.";
  }
  if (title !== null && (typeof title !== "string" || title.length > LINK_TITLE_LIMIT)) {
    return `A link's title must be text of at most ${LINK_TITLE_LIMIT} characters.`;
  }
  return null;
}

function isDimension(value: unknown): boolean {
  return value === null || (Number.isInteger(value) && (value as number) > 0);
}

function checkImage(node: ProseMirrorNode): string | null {
  if (!isStoryMediaPath(node.attrs.src)) {
    return "An image must be one uploaded to this newsroom (its address must start with /media/).";
  }
  for (const [name, limit] of Object.entries(IMAGE_TEXT_LIMITS)) {
    if (String(node.attrs[name]).length > limit) return `An image's ${name} is too long: the limit is ${limit} characters.`;
  }
  if (!isDimension(node.attrs.width) || !isDimension(node.attrs.height)) {
    return "An image's width and height must be whole numbers of pixels.";
  }
  return null;
}

function checkGallerySize(node: ProseMirrorNode): string | null {
  const { min, max } = GALLERY_SIZE;
  if (node.childCount >= min && node.childCount <= max) return null;
  return `A gallery holds ${min} to ${max} images; one has ${node.childCount}.`;
}

function checkNode(node: ProseMirrorNode): string | null {
  switch (node.type.name) {
    case "heading":
      return node.attrs.level === 2 || node.attrs.level === 3 ? null : "Headings in a story can only be level 2 or 3.";
    case "storyImage":
    case "galleryImage":
      return checkImage(node);
    case "embed":
      return checkEmbed(node);
    case "pullQuote":
      return checkPullQuote(node);
    case "table":
      return checkTable(node);
    case "storyGallery":
      return checkGallerySize(node);
    case "orderedList": {
      const { start, type } = node.attrs;
      if (!Number.isInteger(start) || start < 0 || !ORDERED_LIST_TYPES.has(type)) {
        return "A numbered list must start at a whole number and use a standard numbering style.";
      }
      return null;
    }
    default:
      return null;
  }
}

/** The rules the schema cannot express: safe link targets, our own images, sane attribute values. */
export function checkContent(doc: ProseMirrorNode): string | null {
  let error: string | null = null;
  doc.descendants((node) => {
    if (error) return false;
    error = checkNode(node);
    for (const mark of node.marks) {
      if (!error && mark.type.name === "link") error = checkLink(mark);
    }
    return !error;
  });
  return error;
}
