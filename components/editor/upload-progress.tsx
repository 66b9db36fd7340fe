"use client";

import { useState } from "react";
import { type UploadedImage, uploadImage } from "./upload-image";

type InFlight = { key: number; name: string; fraction: number };

let nextKey = 0;

/** Uploads under way (with how far each has got) and the last failure, for the editor to show. */
export function useUploads() {
  const [inFlight, setInFlight] = useState<InFlight[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File): Promise<UploadedImage | null> {
    const key = nextKey++;
    setError(null);
    setInFlight((list) => [...list, { key, name: file.name, fraction: 0 }]);
    try {
      return await uploadImage(file, (fraction) => setInFlight((list) => list.map((each) => (each.key === key ? { ...each, fraction } : each))));
    } catch (problem) {
      setError((problem as Error).message);
      return null;
    } finally {
      setInFlight((list) => list.filter((each) => each.key !== key));
    }
  }

  return { upload, inFlight, error, busy: inFlight.length > 0 };
}

export function UploadProgress({ uploads }: { uploads: ReturnType<typeof useUploads> }) {
  return (
    <>
      {uploads.inFlight.length > 0 && (
        <ul aria-label="Uploads" className="space-y-1 border-b border-stone-200 px-3 py-2 text-sm">
          {uploads.inFlight.map((each) => (
            <li key={each.key} className="flex items-center gap-2">
              <span>Uploading {each.name || "image"}…</span>
              <progress value={each.fraction} max={1} aria-label={`Uploading ${each.name || "image"}`} className="h-2 flex-1" />
            </li>
          ))}
        </ul>
      )}
      {uploads.error && (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {uploads.error}
        </p>
      )}
    </>
  );
}
