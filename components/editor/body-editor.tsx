"use client";

import { type AnyExtension, Extension } from "@tiptap/core";
import { EditorContent, type Editor, type JSONContent, useEditor } from "@tiptap/react";
import { Placeholder } from "@tiptap/extensions";
import { useRef, useState } from "react";
import { storyBodyExtensions } from "@/lib/story-body/extensions";
import { EMBED_NODE } from "@/lib/story-body/embed";
import { PULL_QUOTE_NODE } from "@/lib/story-body/pull-quote";
import { STORY_IMAGE_NODE } from "@/lib/story-body/story-image";
import { STORY_TABLE_NODE } from "@/lib/story-body/story-table";
import { CommentHighlights } from "./comment-highlights";
import { EmbedForm } from "./embed-form";
import { EmbedPaste } from "./embed-paste";
import { EditableEmbed } from "./embed-view";
import { replaceLinkParagraph, requestEmbed } from "./request-embed";
import { EditablePullQuote } from "./pull-quote-view";
import { EditableStoryImage } from "./story-image-view";
import { EditableStoryTable } from "./table-view";
import { uploadImage } from "./upload-image";
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

/** The shared nodes whose editing view differs from their rendering: same schema, browser-only views. */
const EDITING_VIEWS: Record<string, AnyExtension> = {
  [STORY_IMAGE_NODE]: EditableStoryImage,
  [PULL_QUOTE_NODE]: EditablePullQuote,
  [STORY_TABLE_NODE]: EditableStoryTable,
  [EMBED_NODE]: EditableEmbed,
};

const editorExtensions = storyBodyExtensions.map((extension) => EDITING_VIEWS[extension.name] ?? extension);

export function BodyEditor({ storyId, initial, editable, onChange, onBlur, onReady }: Props) {
  const [linking, setLinking] = useState(false);
  const [embedding, setEmbedding] = useState(false);
  const [embedNotice, setEmbedNotice] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  // The paste handler outlives renders: it reaches the editor through this, not a stale closure.
  const editorRef = useRef<Editor | null>(null);
  const editor = useEditor({
    extensions: [
      ...editorExtensions,
      Placeholder.configure({ placeholder: "Write the story. Type ## for a subhead." }),
      linkShortcut(() => setLinking(true)),
      EmbedPaste.configure({ onEmbedLink: (link) => void embedPastedLink(link) }),
      CommentHighlights,
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

  async function insertImage(file: File) {
    setUploadError(null);
    setUploading(true);
    try {
      const image = await uploadImage(file);
      editor
        ?.chain()
        .focus()
        .insertContent({ type: STORY_IMAGE_NODE, attrs: { src: image.src, width: image.width, height: image.height, alt: "" } })
        .run();
    } catch (error) {
      setUploadError((error as Error).message);
    } finally {
      setUploading(false);
    }
  }

  if (!editor) return <div className="min-h-[24rem] rounded border border-stone-300 bg-white" aria-busy="true" />;
  return (
    <div className="rounded border border-stone-300 bg-white">
      {editable && (
        <Toolbar editor={editor} onLink={() => setLinking(true)} onEmbed={() => setEmbedding(true)} onImage={insertImage} uploading={uploading} />
      )}
      {uploadError && (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {uploadError}
        </p>
      )}
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
