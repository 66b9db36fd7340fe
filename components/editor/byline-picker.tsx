"use client";

import type { Byline } from "@/db/queries/stories";

type Props = { bylines: Byline[]; staff: Byline[]; editable: boolean; onChange: (bylines: Byline[]) => void };

/** Bylines in print order; only the desk may change them, and a story keeps at least one. */
export function BylinePicker({ bylines, staff, editable, onChange }: Props) {
  const available = staff.filter((person) => !bylines.some((byline) => byline.id === person.id));
  const move = (index: number, offset: number) => {
    const next = [...bylines];
    [next[index], next[index + offset]] = [next[index + offset], next[index]];
    onChange(next);
  };
  return (
    <fieldset className="text-sm">
      <legend className="font-medium">Bylines</legend>
      <ol aria-label="Bylines" className="mt-1 space-y-1">
        {bylines.map((byline, index) => (
          <li key={byline.id} className="flex items-center gap-2 rounded border border-stone-200 bg-white px-2 py-1">
            <span className="flex-1">{byline.displayName}</span>
            {editable && (
              <>
                <button type="button" aria-label={`Move ${byline.displayName} up`} disabled={index === 0} onClick={() => move(index, -1)} className="px-1 disabled:opacity-30">
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${byline.displayName}`}
                  disabled={bylines.length === 1}
                  onClick={() => onChange(bylines.filter((other) => other.id !== byline.id))}
                  className="px-1 disabled:opacity-30"
                >
                  ✕
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {editable && available.length > 0 && (
        <label className="mt-2 block">
          <span className="sr-only">Add a byline</span>
          <select
            value=""
            onChange={(event) => {
              const person = available.find((candidate) => candidate.id === event.target.value);
              if (person) onChange([...bylines, person]);
            }}
            className="w-full rounded border border-stone-300 bg-white px-3 py-2"
          >
            <option value="">Add a byline…</option>
            {available.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
