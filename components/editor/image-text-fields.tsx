"use client";

const inputClass = "mt-1 w-full rounded border border-stone-300 px-2 py-1 text-sm font-normal";

type ImageText = { alt: string; caption: string; credit: string };

/** The alt text, caption and credit of an image placed in the body (alone or in a gallery), edited in place. */
export function ImageTextFields({ attrs, onChange, wide = false }: { attrs: Record<string, unknown>; onChange: (change: Partial<ImageText>) => void; wide?: boolean }) {
  const [alt, caption, credit] = [attrs.alt, attrs.caption, attrs.credit].map((value) => String(value ?? ""));
  return (
    <>
      <label className={`text-xs font-medium ${wide ? "sm:col-span-2" : ""}`}>
        Alt text {!alt.trim() && <span className="text-red-800">(required: describe the image for readers who cannot see it)</span>}
        <input value={alt} maxLength={500} onChange={(event) => onChange({ alt: event.target.value })} className={inputClass} />
      </label>
      <label className="text-xs font-medium">
        Caption
        <input value={caption} maxLength={1000} onChange={(event) => onChange({ caption: event.target.value })} className={inputClass} />
      </label>
      <label className="text-xs font-medium">
        Credit
        <input value={credit} maxLength={200} onChange={(event) => onChange({ credit: event.target.value })} className={inputClass} />
      </label>
    </>
  );
}
