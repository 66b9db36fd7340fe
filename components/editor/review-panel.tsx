"use client";

import { useState } from "react";

type Props = {
  mayRequestChanges: boolean;
  mayApprove: boolean;
  missingToApprove: string[];
  onRequestChanges: (note: string) => Promise<string | null>;
  onApprove: () => Promise<string | null>;
};

/** The desk's side of review: send the story back with a note, or approve it once it is ready. */
export function ReviewPanel({ mayRequestChanges, mayApprove, missingToApprove, onRequestChanges, onApprove }: Props) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(step: () => Promise<string | null>) {
    setPending(true);
    setError(await step());
    setPending(false);
  }

  if (!mayRequestChanges && !mayApprove) return null;
  return (
    <section aria-label="Editing desk" className="space-y-3 text-sm">
      <h2 className="font-semibold">Review</h2>
      {mayApprove && (
        <>
          {missingToApprove.length > 0 ? (
            <ul aria-label="Missing before approval" className="list-disc space-y-1 pl-5 text-red-800">
              {missingToApprove.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : (
            <p className="text-green-800">Ready to approve.</p>
          )}
          <button
            type="button"
            disabled={pending || missingToApprove.length > 0}
            onClick={() => run(onApprove)}
            className="rounded bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-50"
          >
            Approve
          </button>
        </>
      )}
      {mayRequestChanges && (
        <>
          <label className="block font-medium">
            Note for the writers
            <textarea
              value={note}
              maxLength={2000}
              rows={3}
              onChange={(event) => setNote(event.target.value)}
              className="mt-1 w-full rounded border border-stone-300 px-3 py-2 font-normal"
            />
          </label>
          <button
            type="button"
            disabled={pending}
            onClick={() => run(() => onRequestChanges(note))}
            className="rounded border border-stone-400 px-4 py-2"
          >
            Request changes
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
