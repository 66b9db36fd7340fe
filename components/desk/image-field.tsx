"use client";

import { useState } from "react";
import { uploadImage } from "@/components/editor/upload-image";
import { ChooseFromLibrary } from "@/components/media/library-picker";

export type ImageChoice = { id: string; src: string } | null;

/**
 * An image a form saves by reference (an avatar, the logo): uploading stores the file at once
 * through /api/uploads, but the choice, or its removal, counts only when the form is saved. The
 * library offers earlier uploads (only one's own with `libraryMine`, as for an avatar).
 */
export function ImageField({
  name,
  label,
  removeLabel,
  previewAlt,
  initial,
  previewClassName,
  libraryMine = false,
}: {
  name: string;
  label: string;
  removeLabel: string;
  previewAlt: string;
  initial: ImageChoice;
  previewClassName: string;
  libraryMine?: boolean;
}) {
  const [image, setImage] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  async function upload(file: File) {
    setError(null);
    setUploading(true);
    try {
      const uploaded = await uploadImage(file);
      setImage({ id: uploaded.id, src: uploaded.src });
    } catch (problem) {
      setError((problem as Error).message);
    } finally {
      setUploading(false);
    }
  }

  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{label}</legend>
      <input type="hidden" name={name} value={image?.id ?? ""} />
      {image && <img src={image.src} alt={previewAlt} className={`${previewClassName} rounded border border-stone-200 object-cover`} />}
      <div className="flex flex-wrap items-center gap-3">
        <label className="cursor-pointer rounded border border-dashed border-stone-400 px-3 py-2 hover:bg-stone-100">
          {uploading ? "Uploading…" : image ? "Upload another image" : "Upload an image"}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            aria-label={label}
            disabled={uploading}
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void upload(file);
            }}
          />
        </label>
        <ChooseFromLibrary
          label={`Choose ${label.toLowerCase()} from library`}
          selection="one"
          mine={libraryMine}
          onChoose={([chosen]) => setImage({ id: chosen.id, src: chosen.src })}
        />
        {image && (
          <button type="button" className="underline" onClick={() => setImage(null)}>
            {removeLabel}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
