import { Node } from "@tiptap/core";
import type { DOMOutputSpec } from "@tiptap/pm/model";
import { isStoryMediaPath } from "./media-path";

export const STORY_IMAGE_NODE = "storyImage";

export type StoryImageAttrs = {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number | null;
  height: number | null;
};

// parseHTML runs only in the browser (pasting, HTML import); these helpers are never called on the server.
function imageOf(element: HTMLElement): HTMLElement | null {
  return element.tagName === "IMG" ? element : element.querySelector("img");
}

function dimension(element: HTMLElement, name: "width" | "height"): number | null {
  const value = Number.parseInt(imageOf(element)?.getAttribute(name) ?? "", 10);
  return Number.isInteger(value) && value > 0 ? value : null;
}

function captionPart(element: HTMLElement, part: "caption" | "credit"): string {
  const figcaption = element.tagName === "FIGURE" ? element.querySelector("figcaption") : null;
  if (!figcaption) return "";
  if (part === "credit") return figcaption.querySelector(".credit")?.textContent?.trim() ?? "";
  const withoutCredit = figcaption.cloneNode(true) as HTMLElement;
  withoutCredit.querySelector(".credit")?.remove();
  return withoutCredit.textContent?.trim() ?? "";
}

function figcaption(caption: string, credit: string): DOMOutputSpec[] {
  if (!caption && !credit) return [];
  const creditSpan: DOMOutputSpec = ["span", { class: "credit" }, credit];
  if (!credit) return [["figcaption", {}, caption]];
  if (!caption) return [["figcaption", {}, creditSpan]];
  return [["figcaption", {}, `${caption} `, creditSpan]];
}

/** The attributes of an image in a story (on its own or in a gallery), read back from pasted HTML. */
export function storyImageAttributes() {
  return {
    src: { isRequired: true, validate: "string", rendered: false, parseHTML: (el: HTMLElement) => imageOf(el)?.getAttribute("src") ?? null },
    alt: { default: "", validate: "string", rendered: false, parseHTML: (el: HTMLElement) => imageOf(el)?.getAttribute("alt") ?? "" },
    caption: { default: "", validate: "string", rendered: false, parseHTML: (el: HTMLElement) => captionPart(el, "caption") },
    credit: { default: "", validate: "string", rendered: false, parseHTML: (el: HTMLElement) => captionPart(el, "credit") },
    width: { default: null, validate: "number|null", rendered: false, parseHTML: (el: HTMLElement) => dimension(el, "width") },
    height: { default: null, validate: "number|null", rendered: false, parseHTML: (el: HTMLElement) => dimension(el, "height") },
  };
}

/** parseHTML's getAttrs: only images uploaded here are kept (null), anything else is skipped (false). */
export const isOurImage = (element: HTMLElement) => (isStoryMediaPath(imageOf(element)?.getAttribute("src")) ? null : false);

/** What goes inside an image's figure: the image, then its caption and credit if it has them. */
export function imageFigureContent(attrs: StoryImageAttrs): DOMOutputSpec[] {
  const img: DOMOutputSpec = [
    "img",
    {
      // Defence in depth: validation already refuses other sources, rendering never trusts that.
      src: isStoryMediaPath(attrs.src) ? attrs.src : null,
      alt: attrs.alt ?? "",
      width: attrs.width,
      height: attrs.height,
      loading: "lazy",
      decoding: "async",
    },
  ];
  return [img, ...figcaption(attrs.caption ?? "", attrs.credit ?? "")];
}

/** A figure with one of our uploaded images, its alt text, caption and credit. */
export const StoryImage = Node.create({
  name: STORY_IMAGE_NODE,
  group: "block",
  atom: true,
  draggable: true,

  addAttributes: storyImageAttributes,

  // Pasted or dropped images from elsewhere are left out rather than kept as a story the server would refuse.
  parseHTML() {
    return [
      { tag: "figure[data-story-image]", getAttrs: isOurImage },
      { tag: "img[src]", getAttrs: isOurImage },
    ];
  },

  renderHTML({ node }) {
    return ["figure", { "data-story-image": "" }, ...imageFigureContent(node.attrs as StoryImageAttrs)];
  },
});
