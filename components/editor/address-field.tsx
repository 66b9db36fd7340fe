"use client";

import { useId } from "react";

type Props = {
  label: string;
  hint?: string;
  value: string;
  placeholder: string;
  error: string | null;
  onChange: (value: string) => void;
  onEscape: () => void;
};

/** The web-address field of the editor's small forms (link, embed), with its error under it. */
export function AddressField({ label, hint, value, placeholder, error, onChange, onEscape }: Props) {
  const hintId = useId();
  return (
    <label className="flex flex-1 flex-col text-xs font-medium">
      {label}
      {hint && (
        <span id={hintId} className="font-normal text-stone-600">
          {hint}
        </span>
      )}
      <input
        autoFocus
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && onEscape()}
        placeholder={placeholder}
        className="mt-1 rounded border border-stone-300 px-2 py-1 text-sm font-normal"
        aria-describedby={hint ? hintId : undefined}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <span role="alert" className="mt-1 font-normal text-red-800">
          {error}
        </span>
      )}
    </label>
  );
}
