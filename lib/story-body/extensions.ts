import type { Extensions } from "@tiptap/core";
import Heading from "@tiptap/extension-heading";
import StarterKit from "@tiptap/starter-kit";
import Typography from "@tiptap/extension-typography";
import { isSafeHref } from "./href";
import { PullQuote } from "./pull-quote";
import { StoryImage } from "./story-image";
import { Embed } from "./embed";
import { storyTableExtensions } from "./story-table";
import { GalleryImage, StoryGallery } from "./story-gallery";

export const LINK_REL = "noopener noreferrer nofollow";

/**
 * The one extension list for the browser editor, validation and rendering: the schema they build
 * must be identical, or a story that saves might not render (or the reverse).
 * Node-safe: nothing here touches React or the DOM at import time.
 */
/** Stories have two subhead levels; pasted documents with other levels are folded onto them. */
const StoryHeading = Heading.extend({
  parseHTML() {
    return [
      { tag: "h1", attrs: { level: 2 } },
      { tag: "h2", attrs: { level: 2 } },
      ...["h3", "h4", "h5", "h6"].map((tag) => ({ tag, attrs: { level: 3 } })),
    ];
  },
}).configure({ levels: [2, 3] });

export const storyBodyExtensions: Extensions = [
  StarterKit.configure({
    heading: false,
    code: false,
    codeBlock: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      // Links stay in the same tab, so no target; rel still keeps referrers and SEO credit out.
      HTMLAttributes: { target: null, rel: LINK_REL, class: null },
      isAllowedUri: (url) => typeof url === "string" && isSafeHref(url),
    },
  }),
  StoryHeading,
  Typography,
  StoryImage,
  Embed,
  PullQuote,
  ...storyTableExtensions,
  StoryGallery,
  GalleryImage,
];

export const STORY_NODE_TYPES = [
  "doc",
  "paragraph",
  "text",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "horizontalRule",
  "hardBreak",
  "storyImage",
  "embed",
  "pullQuote",
  "table",
  "tableRow",
  "tableHeader",
  "tableCell",
  "storyGallery",
  "galleryImage",
] as const;

export const STORY_MARK_TYPES = ["bold", "italic", "strike", "link"] as const;

export type StoryNodeType = (typeof STORY_NODE_TYPES)[number];
export type StoryMarkType = (typeof STORY_MARK_TYPES)[number];
