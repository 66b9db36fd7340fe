"use client";

import { type AnyExtension, Extension } from "@tiptap/core";
import FileHandler from "@tiptap/extension-file-handler";
import { EditorContent, type Editor, type JSONContent, useEditor } from "@tiptap/react";
import { Placeholder } from "@tiptap/extensions";
import { useRef, useState } from "react";
import { ChooseFromLibrary } from "@/components/media/library-picker";
import type { LibraryImage } from "@/lib/media/library-image";
import { storyBodyExtensions } from "@/lib/story-body/extensions";
import { EMBED_NODE } from "@/lib/story-body/embed";
import { PULL_QUOTE_NODE } from "@/lib/story-body/pull-quote";
import { GALLERY_IMAGE_NODE, GALLERY_SIZE, STORY_GALLERY_NODE } from "@/lib/story-body/story-gallery";
import { STORY_IMAGE_NODE } from "@/lib/story-body/story-image";
import { STORY_TABLE_NODE } from "@/lib/story-body/story-table";
import { CommentHighlights } from "./comment-highlights";
import { EmbedForm } from "./embed-form";
import { EmbedPaste } from "./embed-paste";
import { EditableEmbed } from "./embed-view";
import { EditableGalleryImage, EditableStoryGallery, galleryImageContent } from "./gallery-view";
import { replaceLinkParagraph, requestEmbed } from "./request-embed";
import { EditablePullQuote } from "./pull-quote-view";
import { EditableStoryImage } from "./story-image-view";
import { EditableStoryTable } from "./table-view";
import { UploadProgress, useUploads } from "./upload-progress";
import { LinkForm } from "./link-form";
import { Toolbar } from "./toolbar";

type Props = {
  storyId: string;
  initial: JSONContent;
  editable: boolean;
  onChange: () => void;
  onBlur: () => void;
  onReady: (editor: Editor) => void;
};

/** Mod-K opens the link form; the toolbar has the same. */
const linkShortcut = (open: () => void) =>
  Extension.create({
    name: "linkShortcut",
    addKeyboardShortcuts: () => ({
      "Mod-k": () => {
        open();
        return true;
      },
    }),
  });

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"];

/** The shared nodes whose editing view differs from their rendering: same schema, browser-only views. */
const EDITING_VIEWS: Record<string, AnyExtension> = {
  [STORY_IMAGE_NODE]: EditableStoryImage,
  [PULL_QUOTE_NODE]: EditablePullQuote,
  [STORY_TABLE_NODE]: EditableStoryTable,
  [EMBED_NODE]: EditableEmbed,
  [STORY_GALLERY_NODE]: EditableStoryGallery,
  [GALLERY_IMAGE_NODE]: EditableGalleryImage,
};

const storyImageContent = (image: { src: string; width: number; height: number; alt?: string; caption?: string; credit?: string }): JSONContent => ({
  type: STORY_IMAGE_NODE,
  attrs: { src: image.src, width: image.width, height: image.height, alt: image.alt ?? "", caption: image.caption ?? "", credit: image.credit ?? "" },
});

const editorExtensions = storyBodyExtensions.map((extension) => EDITING_VIEWS[extension.name] ?? extension);

export function BodyEditor({ storyId, initial, editable, onChange, onBlur, onReady }: Props) {
  const [linking, setLinking] = useState(false);
  const [embedding, setEmbedding] = useState(false);
  const [embedNotice, setEmbedNotice] = useState<string | null>(null);
  // The paste handler outlives renders: it reaches the editor through this, not a stale closure.
  const editorRef = useRef<Editor | null>(null);
  const uploads = useUploads();
  // The file handler is set up once with the editor; it calls whatever upload is current.
  const uploadInto = useRef<(file: File, position?: number) => void>(() => {});
  const editor = useEditor({
    extensions: [
      ...editorExtensions,
      Placeholder.configure({ placeholder: "Write the story. Type ## for a subhead." }),
      linkShortcut(() => setLinking(true)),
      EmbedPaste.configure({ onEmbedLink: (link) => void embedPastedLink(link) }),
      CommentHighlights,
      // Dropped and pasted image files go through the same upload as the Image button.
      FileHandler.configure({
        allowedMimeTypes: IMAGE_TYPES,
        onDrop: (_editor, files, position) => files.forEach((file) => uploadInto.current(file, position)),
        onPaste: (_editor, files) => files.forEach((file) => uploadInto.current(file)),
        consumePasteEvent: true,
      }),
    ],
    content: initial,
    editable,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "Story body",
        class: "prose prose-stone max-w-none min-h-[24rem] p-4 focus:outline-none",
      },
    },
    onCreate: ({ editor: created }) => {
      editorRef.current = created;
      onReady(created);
    },
    onUpdate: onChange,
    onBlur,
  });

  async function embedPastedLink(link: string) {
    setEmbedNotice("Embedding the link…");
    const answer = await requestEmbed(storyId, link);
    const current = editorRef.current;
    if ("embed" in answer && answer.embed && current) {
      replaceLinkParagraph(current, link, answer.embed);
      setEmbedNotice(null);
    } else {
      setEmbedNotice(answer.error ?? "The link could not be embedded; it stays a link.");
    }
  }

  /**
   * Puts an image in without replacing anything: an upload finishes seconds later, when the
   * person may have selected other words (or the image before it) meanwhile. A drop keeps its
   * place, as far as the document still reaches.
   */
  function insert(content: JSONContent, position?: number) {
    if (!editor) return;
    const at = Math.min(position ?? editor.state.selection.to, editor.state.doc.content.size);
    editor.chain().focus().insertContentAt(at, content).run();
  }

  uploadInto.current = (file, position) => {
    if (!editable) return;
    void uploads.upload(file).then((image) => image && insert(storyImageContent(image), position));
  };

  if (!editor) return <div className="min-h-[24rem] rounded border border-stone-300 bg-white" aria-busy="true" />;
  return (
    <div className="rounded border border-stone-300 bg-white">
      {editable && (
        <Toolbar editor={editor} onLink={() => setLinking(true)} onEmbed={() => setEmbedding(true)} onImage={(file) => uploadInto.current(file)} uploading={uploads.busy}>
          <ChooseFromLibrary
            label="Image from library"
            className="rounded px-2 py-1 text-sm hover:bg-stone-100"
            selection="one"
            onChoose={([image]) => insert(storyImageContent(image))}
          />
          <ChooseFromLibrary
            label="Gallery"
            className="rounded px-2 py-1 text-sm hover:bg-stone-100"
            selection={GALLERY_SIZE}
            onChoose={(images: LibraryImage[]) => insert({ type: STORY_GALLERY_NODE, content: images.map(galleryImageContent) })}
          />
        </Toolbar>
      )}
      <UploadProgress uploads={uploads} />
      {embedNotice && (
        <p role="status" className="border-b border-stone-200 bg-stone-50 px-3 py-2 text-sm">
          {embedNotice}
        </p>
      )}
      {editable && linking && <LinkForm editor={editor} onClose={() => setLinking(false)} />}
      {editable && embedding && <EmbedForm editor={editor} storyId={storyId} onClose={() => setEmbedding(false)} />}
      <EditorContent editor={editor} />
    </div>
  );
}
