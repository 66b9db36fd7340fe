"use client";

import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { isSafeHref } from "@/lib/story-body/href";
import { AddressField } from "./address-field";

/** Adds, changes or removes the link on the selection; only web, email, phone and relative links. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [href, setHref] = useState<string>(() => editor.getAttributes("link").href ?? "");
  const [error, setError] = useState<string | null>(null);

  function apply(event: React.FormEvent) {
    event.preventDefault();
    const value = href.trim();
    if (!value) return remove();
    const withScheme = /^[a-z][a-z0-9+.-]*:|^[/#?.]/i.test(value) ? value : `https://${value}`;
    if (!isSafeHref(withScheme)) {
      setError("Only web (http, https), email (mailto), phone (tel) and relative links are allowed.");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: withScheme }).run();
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  }

  return (
    <form onSubmit={apply} className="flex flex-wrap items-start gap-2 border-b border-stone-200 bg-stone-50 p-2" aria-label="Link">
      <AddressField
        label="Link address"
        value={href}
        placeholder="https://example.com/page"
        error={error}
        onChange={(value) => {
          setHref(value);
          setError(null);
        }}
        onEscape={onClose}
      />
      <button type="submit" className="mt-5 rounded bg-stone-900 px-3 py-1 text-sm text-white">
        Apply link
      </button>
      <button type="button" onClick={remove} className="mt-5 rounded border border-stone-300 px-3 py-1 text-sm">
        Remove link
      </button>
      <button type="button" onClick={onClose} className="mt-5 px-2 py-1 text-sm underline">
        Cancel
      </button>
    </form>
  );
}
