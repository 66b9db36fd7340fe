"use client";

import { useState } from "react";
import { ChooseFromLibrary } from "@/components/media/library-picker";
import { uploadImage } from "./upload-image";

export type FeaturedImage = { id: string | null; src: string | null; alt: string; caption: string; credit: string };

const inputClass = "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2 font-normal disabled:bg-stone-100";

export function FeaturedImageField({
  image,
  editable,
  onChange,
}: {
  image: FeaturedImage;
  editable: boolean;
  onChange: (image: FeaturedImage) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  async function upload(file: File) {
    setError(null);
    setUploading(true);
    try {
      const uploaded = await uploadImage(file);
      onChange({ ...image, id: uploaded.id, src: uploaded.src });
    } catch (problem) {
      setError((problem as Error).message);
    } finally {
      setUploading(false);
    }
  }

  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium">Featured image</legend>
      {image.id && image.src ? (
        <>
          <img src={image.src} alt={image.alt} className="h-auto w-full rounded border border-stone-200" />
          <label className="block font-medium">
            Alt text
            <input
              value={image.alt}
              disabled={!editable}
              maxLength={500}
              aria-invalid={!image.alt.trim() || undefined}
              onChange={(event) => onChange({ ...image, alt: event.target.value })}
              className={inputClass}
            />
          </label>
          <label className="block font-medium">
            Caption
            <input value={image.caption} disabled={!editable} maxLength={1000} onChange={(event) => onChange({ ...image, caption: event.target.value })} className={inputClass} />
          </label>
          <label className="block font-medium">
            Credit
            <input value={image.credit} disabled={!editable} maxLength={200} onChange={(event) => onChange({ ...image, credit: event.target.value })} className={inputClass} />
          </label>
          {editable && (
            <button type="button" className="underline" onClick={() => onChange({ id: null, src: null, alt: "", caption: "", credit: "" })}>
              Remove featured image
            </button>
          )}
        </>
      ) : (
        editable && (
          <label className="block cursor-pointer rounded border border-dashed border-stone-400 px-3 py-4 text-center hover:bg-stone-100">
            {uploading ? "Uploading…" : "Upload a featured image"}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              aria-label="Featured image"
              disabled={uploading}
              className="sr-only"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = "";
                if (file) void upload(file);
              }}
            />
          </label>
        )
      )}
      {editable && !image.id && (
        <ChooseFromLibrary
          label="Choose featured image from library"
          selection="one"
          onChoose={([chosen]) => onChange({ id: chosen.id, src: chosen.src, alt: chosen.alt, caption: chosen.caption, credit: chosen.credit })}
        />
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
