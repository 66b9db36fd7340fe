"use client";

import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from "@tiptap/react";
import { useState } from "react";
import { ChooseFromLibrary } from "@/components/media/library-picker";
import type { LibraryImage } from "@/lib/media/library-image";
import { GALLERY_IMAGE_NODE, GALLERY_SIZE, GalleryImage, StoryGallery } from "@/lib/story-body/story-gallery";
import { ImageTextFields } from "./image-text-fields";


/** A library image as a gallery picture, with the library's alt text, caption and credit as its own. */
export function galleryImageContent(image: LibraryImage) {
  return {
    type: GALLERY_IMAGE_NODE,
    attrs: { src: image.src, width: image.width, height: image.height, alt: image.alt, caption: image.caption, credit: image.credit },
  };
}

function GalleryView({ node, editor, getPos, deleteNode }: ReactNodeViewProps) {
  const editable = editor.isEditable;
  const room = GALLERY_SIZE.max - node.childCount;
  function append(images: LibraryImage[]) {
    const position = getPos();
    if (typeof position !== "number") return;
    editor
      .chain()
      .insertContentAt(position + node.nodeSize - 1, images.map(galleryImageContent))
      .run();
  }
  return (
    <NodeViewWrapper as="figure" data-story-gallery="" className="not-prose my-6 rounded border border-stone-200 p-2">
      <p className="mb-2 text-xs font-medium" contentEditable={false}>
        Gallery, {node.childCount} images
      </p>
      <NodeViewContent className="[&>div]:grid [&>div]:grid-cols-2 [&>div]:gap-3" />
      {editable && (
        <div className="mt-2 flex gap-4 text-xs" contentEditable={false}>
          {room > 0 && <ChooseFromLibrary label="Add images to the gallery" selection={{ min: 1, max: room }} onChoose={append} />}
          <button type="button" onClick={deleteNode} className="underline">
            Remove gallery
          </button>
        </div>
      )}
    </NodeViewWrapper>
  );
}

function GalleryImageView({ node, updateAttributes, editor, getPos, deleteNode }: ReactNodeViewProps) {
  const { src, alt, caption, credit, width, height } = node.attrs as Record<string, string | number | null>;
  const [problem, setProblem] = useState<string | null>(null);
  const editable = editor.isEditable;
  function remove() {
    const position = getPos();
    const gallery = typeof position === "number" ? editor.state.doc.resolve(position).parent : null;
    if (gallery && gallery.childCount <= GALLERY_SIZE.min) {
      setProblem(`A gallery needs at least ${GALLERY_SIZE.min} images: remove the whole gallery instead.`);
      return;
    }
    deleteNode();
  }
  return (
    <NodeViewWrapper className="rounded border border-stone-100 p-1" data-gallery-image="">
      <img src={String(src)} alt={String(alt ?? "")} width={Number(width) || undefined} height={Number(height) || undefined} className="h-auto max-w-full" />
      {editable ? (
        <div className="mt-1 grid gap-1" contentEditable={false}>
          <ImageTextFields attrs={node.attrs} onChange={updateAttributes} />
          <button type="button" onClick={remove} className="justify-self-start text-xs underline">
            Remove from gallery
          </button>
          {problem && (
            <p role="alert" className="text-xs text-red-800">
              {problem}
            </p>
          )}
        </div>
      ) : (
        (caption || credit) && <p className="mt-1 text-xs text-stone-600">{[caption, credit].filter(Boolean).join(" ")}</p>
      )}
    </NodeViewWrapper>
  );
}

/** The shared gallery nodes, with these editing views in the browser only. */
export const EditableStoryGallery = StoryGallery.extend({
  addNodeView() {
    return ReactNodeViewRenderer(GalleryView);
  },
});

export const EditableGalleryImage = GalleryImage.extend({
  addNodeView() {
    return ReactNodeViewRenderer(GalleryImageView);
  },
});
