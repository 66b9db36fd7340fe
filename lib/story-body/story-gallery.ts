import { Node } from "@tiptap/core";
import { type StoryImageAttrs, imageFigureContent, isOurImage, storyImageAttributes } from "./story-image";

export const STORY_GALLERY_NODE = "storyGallery";
export const GALLERY_IMAGE_NODE = "galleryImage";

/** How many images a gallery holds: fewer is a single image, more is a slideshow nobody scrolls. */
export const GALLERY_SIZE = { min: 2, max: 12 } as const;

/** One picture of a gallery: the same attributes as an image in the body, as a list item. */
export const GalleryImage = Node.create({
  name: GALLERY_IMAGE_NODE,
  atom: true,
  selectable: false,
  addAttributes: storyImageAttributes,
  parseHTML() {
    return [{ tag: "li[data-gallery-image]", getAttrs: isOurImage }];
  },
  renderHTML({ node }) {
    return ["li", { "data-gallery-image": "" }, ["figure", {}, ...imageFigureContent(node.attrs as StoryImageAttrs)]];
  },
});

/**
 * Images shown together, as a list of figures. ProseMirror cannot require a node it cannot make
 * up (an image needs its src), so validation holds the 2–12 rule, with a sentence a writer can act on.
 */
export const StoryGallery = Node.create({
  name: STORY_GALLERY_NODE,
  group: "block",
  content: `${GALLERY_IMAGE_NODE}*`,
  draggable: true,
  isolating: true,
  parseHTML() {
    return [{ tag: "figure[data-story-gallery]", contentElement: "ul" }];
  },
  renderHTML({ node }) {
    return ["figure", { "data-story-gallery": "", "aria-label": `Gallery of ${node.childCount} images` }, ["ul", { role: "list" }, 0]];
  },
});
