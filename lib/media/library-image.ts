import { displayFileName, mediaPath, smallSrc } from "./file-names";

/** An upload as the library picker offers it: where bodies point (`src`), a thumbnail, and its defaults. */
export type LibraryImage = {
  id: string;
  src: string;
  thumbSrc: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  name: string;
};

type Stored = { id: string; width: number; height: number; alt: string; caption: string; credit: string; originalName: string };

export function libraryImage(item: Stored): LibraryImage {
  return {
    id: item.id,
    src: mediaPath(item.id, displayFileName(item.width)),
    thumbSrc: smallSrc(item.id, item.width),
    width: item.width,
    height: item.height,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    name: item.originalName,
  };
}

/** What a person recognizes an image by, in the picker and the library: its alt text, else its caption, else its file name. */
export function imageLabel(image: { alt: string; caption: string; name: string }): string {
  return image.alt.trim() || image.caption.trim() || image.name.trim() || "Untitled image";
}
