"use client";

import type { JSONContent } from "@tiptap/react";
import { useEffect, useRef } from "react";
import type { ClientStory, StoryDraftInput } from "@/lib/story-editing";
import { storyBodyText } from "@/lib/story-body/text";

type Props = {
  mine: StoryDraftInput;
  theirs: ClientStory;
  onKeepMineAsCopy: () => void;
  onTakeTheirs: () => void;
  busy: boolean;
};

function Version({ title, headline, dek, body }: { title: string; headline: string; dek: string; body: unknown }) {
  return (
    <section aria-label={title} className="min-w-0 flex-1 rounded border border-stone-300 p-3">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-600">{title}</h3>
      <p className="mt-2 font-serif text-lg font-bold">{headline || "Untitled story"}</p>
      {dek && <p className="text-stone-700">{dek}</p>}
      <div className="mt-2 max-h-64 space-y-2 overflow-auto text-sm">
        {storyBodyText(body as JSONContent).map((block, index) => (
          <p key={index}>{block}</p>
        ))}
      </div>
    </section>
  );
}

/** A stale save never overwrites: the writer sees both versions and chooses, losing neither. */
export function ConflictDialog({ mine, theirs, onKeepMineAsCopy, onTakeTheirs, busy }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  const when = new Date(theirs.updatedAt).toLocaleString("en-GB");
  return (
    <dialog
      ref={dialog}
      aria-labelledby="conflict-title"
      onCancel={(event) => event.preventDefault()}
      className="m-auto w-[min(64rem,95vw)] rounded-lg p-6 backdrop:bg-black/40"
    >
      <h2 id="conflict-title" className="font-serif text-2xl font-bold">
        This story changed while you were editing
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        {theirs.lastEditedBy ?? "Someone"} saved a newer version at {when}. Your text has not been saved over theirs, and
        it is still kept on this device.
      </p>
      <div className="mt-4 flex flex-col gap-3 md:flex-row">
        <Version title="Your version" headline={mine.headline} dek={mine.dek} body={mine.body} />
        <Version title="Saved version" headline={theirs.headline} dek={theirs.dek} body={theirs.body} />
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" disabled={busy} onClick={onTakeTheirs} className="rounded border border-stone-300 px-4 py-2 text-sm">
          Discard mine, use the saved version
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={onKeepMineAsCopy}
          className="rounded bg-stone-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
        >
          Save mine as a new story
        </button>
      </div>
    </dialog>
  );
}
