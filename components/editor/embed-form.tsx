"use client";

import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { EMBED_NODE } from "@/lib/story-body/embed";
import { AddressField } from "./address-field";
import { requestEmbed } from "./request-embed";

/** The Embed button's form: a provider's link in, an embed node out, or the server's sentence. */
export function EmbedForm({ editor, storyId, onClose }: { editor: Editor; storyId: string; onClose: () => void }) {
  const [link, setLink] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function embed(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // A pasted <iframe> (Google Maps' "Embed a map") is taken for its address.
    const typed = link.trim();
    const address = /^<iframe\b/i.test(typed) ? (/\ssrc="([^"]+)"/i.exec(typed)?.[1] ?? typed) : typed;
    const answer = await requestEmbed(storyId, address);
    setBusy(false);
    if (!("embed" in answer) || !answer.embed) return setError(answer.error ?? "The link could not be embedded.");
    editor.chain().focus().insertContent({ type: EMBED_NODE, attrs: answer.embed }).run();
    onClose();
  }

  return (
    <form onSubmit={embed} className="flex flex-wrap items-start gap-2 border-b border-stone-200 bg-stone-50 p-2" aria-label="Embed">
      <AddressField
        label="Link to embed"
        hint="From YouTube, Vimeo, X, Bluesky, Instagram, TikTok, SoundCloud, Spotify, Datawrapper, Flourish or Google Maps."
        value={link}
        placeholder="https://www.youtube.com/watch?v=…"
        error={error}
        onChange={(value) => {
          setLink(value);
          setError(null);
        }}
        onEscape={onClose}
      />
      <button type="submit" disabled={busy || !link.trim()} className="mt-5 rounded bg-stone-900 px-3 py-1 text-sm text-white disabled:opacity-60">
        {busy ? "Embedding…" : "Embed"}
      </button>
      <button type="button" onClick={onClose} className="mt-5 px-2 py-1 text-sm underline">
        Cancel
      </button>
    </form>
  );
}
