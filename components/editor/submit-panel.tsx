"use client";

import { useState } from "react";

type Props = {
  missing: string[];
  maySubmit: boolean;
  mayWithdraw: boolean;
  onSubmit: (note: string) => Promise<string | null>;
  onWithdraw: () => Promise<string | null>;
};

/** Hands the story to the editors once the checklist is complete, or takes it back. */
export function SubmitPanel({ missing, maySubmit, mayWithdraw, onSubmit, onWithdraw }: Props) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(step: () => Promise<string | null>) {
    setPending(true);
    setError(await step());
    setPending(false);
  }

  if (mayWithdraw) {
    return (
      <section aria-label="Review" className="space-y-2 text-sm">
        <p>This story is with the editors. Withdraw it to keep working on it.</p>
        <button type="button" disabled={pending} onClick={() => run(onWithdraw)} className="rounded border border-stone-400 px-4 py-2">
          Withdraw
        </button>
        {error && <p role="alert" className="text-red-800">{error}</p>}
      </section>
    );
  }
  if (!maySubmit) return null;
  return (
    <section aria-label="Review" className="space-y-3 text-sm">
      <h2 className="font-semibold">Before review</h2>
      {missing.length === 0 ? (
        <p className="text-green-800">Everything the editors need is here.</p>
      ) : (
        <ul aria-label="Missing before review" className="list-disc space-y-1 pl-5 text-red-800">
          {missing.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      <label className="block font-medium">
        Note for the editors (optional)
        <textarea
          value={note}
          maxLength={2000}
          rows={2}
          onChange={(event) => setNote(event.target.value)}
          className="mt-1 w-full rounded border border-stone-300 px-3 py-2"
        />
      </label>
      <button
        type="button"
        disabled={pending || missing.length > 0}
        onClick={() => run(() => onSubmit(note))}
        className="rounded bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-50"
      >
        Submit for review
      </button>
      {error && <p role="alert" className="text-red-800">{error}</p>}
    </section>
  );
}
