"use client";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function RestoreBanner({ keptAt, onRestore, onDiscard }: { keptAt: number; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div role="region" aria-label="Unsaved changes" className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm">
      <p className="flex-1">
        This device kept changes to this story from {timeFormat.format(new Date(keptAt))} that were never saved.
      </p>
      <button type="button" onClick={onRestore} className="rounded bg-stone-900 px-3 py-1 font-semibold text-white">
        Restore unsaved changes
      </button>
      <button type="button" onClick={onDiscard} className="rounded border border-stone-300 px-3 py-1">
        Discard them
      </button>
    </div>
  );
}
