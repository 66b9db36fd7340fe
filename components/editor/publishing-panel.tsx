"use client";

import { useState } from "react";
import type { PublishingStep } from "@/lib/policy";
import { formatInZone } from "@/lib/time-zone";
import type { TransitionInput } from "@/lib/story-editing";

type Extras = Pick<TransitionInput, "note" | "publishAt" | "publicNote">;

type Props = {
  steps: PublishingStep[];
  status: string;
  publishAt: string | null;
  publishedAt: string | null;
  pendingUpdate: boolean;
  timezone: string;
  missing: string[];
  /** Stories may carry a public correction or update note with an update; standing pages do not. */
  offersPublicNote: boolean;
  onStep: (step: PublishingStep, extras: Extras) => Promise<string | null>;
};

const buttonClass = "rounded border border-stone-400 px-4 py-2 disabled:opacity-50";
const primaryClass = "rounded bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-50";
const fieldClass = "mt-1 w-full rounded border border-stone-300 px-3 py-2 font-normal";

/** The editor's publishing desk: schedule, publish, update, unpublish — whichever the story's status allows. */
export function PublishingPanel({ steps, status, publishAt, publishedAt, pendingUpdate, timezone, missing, offersPublicNote, onStep }: Props) {
  const [when, setWhen] = useState("");
  const [reason, setReason] = useState("");
  const [noteKind, setNoteKind] = useState<"" | "correction" | "update">("");
  const [noteText, setNoteText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (steps.length === 0) return null;
  const offers = (step: PublishingStep) => steps.includes(step);
  const needsChecklist = steps.some((step) => step !== "unschedule" && step !== "unpublish");
  const blocked = needsChecklist && missing.length > 0;

  async function run(step: PublishingStep, extras: Extras = {}) {
    setPending(true);
    setError(await onStep(step, extras));
    setPending(false);
  }

  return (
    <section aria-label="Publishing" className="space-y-3 text-sm">
      <h2 className="font-semibold">Publishing</h2>
      {status === "scheduled" && publishAt && (
        <p data-testid="scheduled-for">Scheduled for {formatInZone(new Date(publishAt), timezone)}</p>
      )}
      {status === "published" && publishedAt && (
        <p>
          Live since {formatInZone(new Date(publishedAt), timezone)}.{" "}
          {pendingUpdate ? "Your edits are not public until you publish the update." : "Readers see this version."}
        </p>
      )}
      {needsChecklist &&
        (missing.length > 0 ? (
          <ul aria-label="Missing before publishing" className="list-disc space-y-1 pl-5 text-red-800">
            {missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : null)}
      {offers("schedule") && (
        <div className="space-y-2">
          <label className="block font-medium">
            Publish at ({timezone})
            <input type="datetime-local" step={1} value={when} onChange={(event) => setWhen(event.target.value)} className={fieldClass} />
          </label>
          <button type="button" disabled={pending || blocked} onClick={() => run("schedule", { publishAt: when })} className={buttonClass}>
            Schedule
          </button>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {offers("publishNow") && (
          <button type="button" disabled={pending || blocked} onClick={() => run("publishNow")} className={primaryClass}>
            Publish now
          </button>
        )}
        {offers("unschedule") && (
          <button type="button" disabled={pending} onClick={() => run("unschedule")} className={buttonClass}>
            Unschedule
          </button>
        )}
        {offers("republish") && (
          <button type="button" disabled={pending || blocked} onClick={() => run("republish")} className={primaryClass}>
            Republish
          </button>
        )}
      </div>
      {offers("publishUpdate") && pendingUpdate && (
        <fieldset className="space-y-2 rounded border border-stone-300 p-3">
          <legend className="px-1 font-medium">Update for readers</legend>
          {offersPublicNote && (
            <label className="block font-medium">
              Public note
              <select value={noteKind} onChange={(event) => setNoteKind(event.target.value as typeof noteKind)} className={fieldClass}>
                <option value="">None</option>
                <option value="correction">Correction</option>
                <option value="update">Update</option>
              </select>
            </label>
          )}
          {noteKind && (
            <label className="block font-medium">
              Note text
              <textarea value={noteText} maxLength={2000} rows={3} onChange={(event) => setNoteText(event.target.value)} className={fieldClass} />
            </label>
          )}
          <button
            type="button"
            disabled={pending || blocked}
            onClick={() => run("publishUpdate", { publicNote: noteKind ? { kind: noteKind, note: noteText } : undefined })}
            className={primaryClass}
          >
            Publish update
          </button>
        </fieldset>
      )}
      {offers("unpublish") && (
        <div className="space-y-2">
          <label className="block font-medium">
            Reason for unpublishing
            <textarea value={reason} maxLength={2000} rows={2} onChange={(event) => setReason(event.target.value)} className={fieldClass} />
          </label>
          <button type="button" disabled={pending} onClick={() => run("unpublish", { note: reason })} className={buttonClass}>
            Unpublish
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
