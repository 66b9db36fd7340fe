import type { Editor } from "@tiptap/react";
import { type EmbedActionState, addEmbedAction } from "@/app/(desk)/desk/stories/embed-actions";
import { EMBED_NODE, type EmbedAttrs } from "@/lib/story-body/embed";

/** Asks the server to describe a link as an embed; the answer carries the node's attributes or a sentence. */
export async function requestEmbed(storyId: string, link: string): Promise<EmbedActionState> {
  const form = new FormData();
  form.set("storyId", storyId);
  form.set("link", link);
  try {
    return await addEmbedAction({}, form);
  } catch {
    return { error: "The embed could not be added: the server did not answer. Check your connection; the link stays in the story." };
  }
}

/**
 * Replaces the paragraph that holds only the pasted link with the embed. Found by its text when
 * the server answers, so typing meanwhile moves nothing; if the writer removed it, nothing happens.
 */
export function replaceLinkParagraph(editor: Editor, link: string, embed: EmbedAttrs): boolean {
  let range: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, position) => {
    if (range) return false;
    // The link may have been split meanwhile (autolinking a line ended with Enter re-marks part of it).
    let allLinked = node.childCount > 0;
    node.forEach((child) => (allLinked &&= child.marks.some((mark) => mark.type.name === "link")));
    if (node.type.name === "paragraph" && node.textContent === link && allLinked) range = { from: position, to: position + node.nodeSize };
    return !node.isTextblock;
  });
  if (!range) return false;
  // The writer has typed on meanwhile: the cursor stays where they are, or their next key would replace the embed.
  return editor.chain().insertContentAt(range, { type: EMBED_NODE, attrs: embed }, { updateSelection: false }).run();
}
