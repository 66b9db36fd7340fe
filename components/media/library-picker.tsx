"use client";

import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { type LibraryImage, imageLabel } from "@/lib/media/library-image";

/** One image, or between min and max of them (a gallery). */
export type PickerSelection = "one" | { min: number; max: number };

type Page = { images: LibraryImage[]; total: number; pageSize: number };

type Props = {
  selection: PickerSelection;
  /** Only the person's own uploads: what they may use as an avatar. */
  mine?: boolean;
  onChoose: (images: LibraryImage[]) => void;
  onClose: () => void;
};

async function fetchPage(words: string, page: number, mine: boolean): Promise<Page> {
  const params = new URLSearchParams({ q: words, page: String(page), ...(mine ? { mine: "1" } : {}) });
  let response: Response;
  try {
    response = await fetch(`/api/media?${params}`);
  } catch {
    throw new Error("The library could not be loaded: you seem to be offline.");
  }
  const answer = (await response.json().catch(() => ({}))) as Partial<Page> & { error?: string };
  if (!response.ok || !answer.images) throw new Error(answer.error ?? "The library could not be loaded.");
  return answer as Page;
}

/** "Choose from library": a modal dialog to search uploads and pick one image, or several for a gallery. */
export function LibraryPicker({ selection, mine = false, onChoose, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [words, setWords] = useState("");
  const [query, setQuery] = useState({ words: "", page: 1 });
  const [result, setResult] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<LibraryImage[]>([]);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    let current = true;
    setError(null);
    fetchPage(query.words, query.page, mine)
      .then((page) => current && setResult(page))
      .catch((problem: Error) => current && setError(problem.message));
    return () => {
      current = false;
    };
  }, [query, mine]);

  const range = selection === "one" ? null : selection;
  const isChosen = (image: LibraryImage) => chosen.some((each) => each.id === image.id);
  function pick(image: LibraryImage) {
    if (!range) return onChoose([image]);
    setChosen((list) => (isChosen(image) ? list.filter((each) => each.id !== image.id) : list.length < range.max ? [...list, image] : list));
  }
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;

  // In the body, not inside the form or editor that opened it.
  return createPortal(
    <dialog
      ref={dialog}
      aria-labelledby="library-picker-title"
      onClose={onClose}
      className="m-auto w-[min(56rem,95vw)] rounded border border-stone-300 p-0 backdrop:bg-stone-900/50"
    >
      <div className="space-y-3 p-4 text-sm">
        <h2 id="library-picker-title" className="font-serif text-xl font-bold">
          Choose from library
        </h2>
        {/* Not a form: the picker opens inside other forms (the profile, the settings). */}
        <div role="search" className="flex gap-2">
          <label className="flex-1">
            <span className="sr-only">Search the library</span>
            <input
              type="search"
              value={words}
              onChange={(event) => setWords(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== "Enter") return;
                event.preventDefault();
                setQuery({ words, page: 1 });
              }}
              placeholder="Words in the alt text, caption, credit or file name"
              className="w-full rounded border border-stone-300 px-3 py-2"
            />
          </label>
          <button type="button" onClick={() => setQuery({ words, page: 1 })} className="rounded border border-stone-300 px-3 py-2 hover:bg-stone-100">
            Search
          </button>
        </div>
        {range && (
          <p aria-live="polite">
            Choose {range.min === range.max ? range.min : `${range.min} to ${range.max}`} images: {chosen.length} chosen.
          </p>
        )}
        {error && (
          <p role="alert" className="text-red-800">
            {error}
          </p>
        )}
        {result && result.images.length === 0 && <p className="text-stone-600">No images match.</p>}
        {result && result.images.length > 0 && (
          <ul aria-label="Library images" className="grid max-h-[55vh] grid-cols-2 gap-3 overflow-y-auto sm:grid-cols-4">
            {result.images.map((image) => (
              <li key={image.id}>
                <button
                  type="button"
                  onClick={() => pick(image)}
                  aria-pressed={range ? isChosen(image) : undefined}
                  className={`w-full rounded border p-1 text-left hover:bg-stone-100 ${isChosen(image) ? "border-stone-900 ring-2 ring-stone-900" : "border-stone-200"}`}
                >
                  <img src={image.thumbSrc} alt="" width={image.width} height={image.height} className="aspect-[4/3] h-auto w-full object-cover" />
                  <span className="mt-1 line-clamp-2 block text-xs">{imageLabel(image)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-3">
          {pages > 1 && (
            <>
              <button type="button" disabled={query.page <= 1} onClick={() => setQuery({ ...query, page: query.page - 1 })} className="underline disabled:opacity-50">
                Previous page
              </button>
              <span>
                Page {query.page} of {pages}
              </span>
              <button type="button" disabled={query.page >= pages} onClick={() => setQuery({ ...query, page: query.page + 1 })} className="underline disabled:opacity-50">
                Next page
              </button>
            </>
          )}
          <span className="ml-auto flex gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-stone-300 px-3 py-2 hover:bg-stone-100">
              Cancel
            </button>
            {range && (
              <button
                type="button"
                disabled={chosen.length < range.min}
                onClick={() => onChoose(chosen)}
                className="rounded bg-stone-900 px-3 py-2 text-white disabled:opacity-50"
              >
                Add {chosen.length} {chosen.length === 1 ? "image" : "images"}
              </button>
            )}
          </span>
        </div>
      </div>
    </dialog>,
    document.body,
  );
}

/** A button that opens the picker, for forms and toolbars. */
export function ChooseFromLibrary({
  label = "Choose from library",
  className = "underline",
  ...picker
}: Omit<Props, "onClose"> & { label?: string; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={className}>
        {label}
      </button>
      {open && (
        <LibraryPicker
          {...picker}
          onChoose={(images) => {
            setOpen(false);
            picker.onChoose(images);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
