import { Node } from "@tiptap/core";
import type { DOMOutputSpec } from "@tiptap/pm/model";
import { embedProvider, FRAME_SRC_ATTRIBUTE, isAllowedFrameSrc, matchEmbedUrl } from "@/lib/embeds/providers";
import { isSafeHref } from "./href";
import { isStoryMediaPath } from "./media-path";

export const EMBED_NODE = "embed";

/** Everything a reader's page needs, fetched on the server when the embed was added. */
export type EmbedAttrs = {
  provider: string;
  url: string;
  frameSrc: string;
  title: string;
  author: string;
  /** Our stored copy of the provider's thumbnail (`/media/…`), or "". */
  thumbnail: string;
  thumbnailWidth: number | null;
  thumbnailHeight: number | null;
  /** Width over height of the player. */
  aspectRatio: number | null;
};

const LINK_REL = "noopener noreferrer nofollow";

function positiveNumber(value: string | null): number | null {
  const number = Number(value);
  return value && Number.isFinite(number) && number > 0 ? number : null;
}

// Only for copying an embed within the editor (the browser's clipboard goes through HTML); the
// server's validation re-checks whatever comes back.
function attrsFromFigure(element: HTMLElement): Partial<EmbedAttrs> | false {
  const url = element.getAttribute("data-embed-url") ?? "";
  const match = matchEmbedUrl(url);
  if (!match) return false;
  const image = element.querySelector("[data-embed-facade] img");
  return {
    provider: match.provider.id,
    url: match.url,
    frameSrc: element.getAttribute(FRAME_SRC_ATTRIBUTE) ?? match.frameSrc ?? "",
    title: element.getAttribute("data-embed-title") ?? "",
    author: element.getAttribute("data-embed-author") ?? "",
    thumbnail: image?.getAttribute("src") ?? "",
    thumbnailWidth: positiveNumber(image?.getAttribute("width") ?? null),
    thumbnailHeight: positiveNumber(image?.getAttribute("height") ?? null),
    aspectRatio: positiveNumber(element.getAttribute("data-embed-aspect")),
  };
}

/** The click-to-load facade: our copy of the thumbnail, the title as a plain link, and the player's address in an attribute. */
function facade(attrs: EmbedAttrs): DOMOutputSpec {
  const provider = embedProvider(attrs.provider);
  const name = provider?.name ?? "the provider";
  // Defence in depth: validation refuses these already; rendering never trusts that.
  const url = isSafeHref(attrs.url) && matchEmbedUrl(attrs.url) ? attrs.url : null;
  const thumbnail = isStoryMediaPath(attrs.thumbnail) ? attrs.thumbnail : null;
  const source = attrs.author ? `${name} · ${attrs.author}` : name;
  return [
    "figure",
    {
      "data-embed": provider?.id ?? "",
      "data-embed-url": url,
      [FRAME_SRC_ATTRIBUTE]: isAllowedFrameSrc(attrs.frameSrc) ? attrs.frameSrc : null,
      "data-embed-title": attrs.title || null,
      "data-embed-author": attrs.author || null,
      "data-embed-aspect": attrs.aspectRatio ? String(Math.round(attrs.aspectRatio * 10_000) / 10_000) : null,
    },
    [
      "div",
      { "data-embed-facade": "" },
      ...(thumbnail
        ? [["img", { src: thumbnail, alt: "", width: attrs.thumbnailWidth, height: attrs.thumbnailHeight, loading: "lazy", decoding: "async" }] as DOMOutputSpec]
        : []),
    ],
    ["figcaption", {}, ["a", { href: url, rel: LINK_REL }, attrs.title || `View on ${name}`], " ", ["span", { "data-embed-source": "" }, source]],
  ];
}

// The figure's parse rule reads every attribute at once (attrsFromFigure).
const fromFigure = { rendered: false, parseHTML: () => null } as const;
const required = { ...fromFigure, validate: "string", isRequired: true } as const;
const optionalText = { ...fromFigure, validate: "string", default: "" } as const;
const optionalNumber = { ...fromFigure, validate: "number|null", default: null } as const;

/**
 * Content from an allowlisted provider (lib/embeds/providers.ts). Readers see a facade and load
 * the provider's player only when they ask for it: nothing is fetched from the provider before.
 */
export const Embed = Node.create({
  name: EMBED_NODE,
  group: "block",
  atom: true,
  draggable: true,

  addAttributes() {
    return {
      provider: required,
      url: required,
      frameSrc: required,
      title: optionalText,
      author: optionalText,
      thumbnail: optionalText,
      thumbnailWidth: optionalNumber,
      thumbnailHeight: optionalNumber,
      aspectRatio: optionalNumber,
    };
  },

  parseHTML() {
    return [{ tag: "figure[data-embed]", getAttrs: attrsFromFigure }];
  },

  renderHTML({ node }) {
    return facade(node.attrs as EmbedAttrs);
  },
});
