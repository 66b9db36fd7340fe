"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { deleteMediaAction, saveMediaDetailsAction } from "@/app/(desk)/desk/media/actions";
import { FormMessage } from "@/components/ui/form-message";
import type { LibraryImage } from "@/lib/media/library-image";

const inputClass = "mt-1 block w-full rounded border border-stone-300 px-2 py-1 font-normal disabled:bg-stone-100";

type Props = {
  image: LibraryImage;
  label: string;
  uploaded: string;
  usages: { text: string; href: string | null }[];
  canEdit: boolean;
  canDelete: boolean;
};

/** One upload in the library: what it is, where it is used, its defaults to edit, and deletion. */
export function MediaLibraryItem({ image, label, uploaded, usages, canEdit, canDelete }: Props) {
  const [saved, save, saving] = useActionState(saveMediaDetailsAction, {});
  const [deleted, remove, deleting] = useActionState(deleteMediaAction, {});
  const titleId = useId();
  if (deleted.success) return <FormMessage success={`${label}: ${deleted.success}`} />;
  return (
    <article aria-labelledby={titleId} className="flex gap-3 rounded border border-stone-200 bg-white p-3 text-sm">
      <img src={image.thumbSrc} alt={image.alt} width={image.width} height={image.height} className="h-24 w-32 shrink-0 rounded object-cover" />
      <div className="min-w-0 flex-1 space-y-2">
        <h2 id={titleId} className="truncate font-semibold">
          {label}
        </h2>
        <p className="text-xs text-stone-600">
          {image.name || "Untitled"} · {image.width} × {image.height} · uploaded by {uploaded}
        </p>
        <div className="text-xs">
          {usages.length === 0 ? (
            <p>Not used anywhere.</p>
          ) : (
            <>
              <p className="font-medium">Used {usages.length === 1 ? "in one place" : `in ${usages.length} places`}:</p>
              <ul className="list-disc pl-4">
                {usages.map((usage) => (
                  <li key={usage.text}>{usage.href ? <Link href={usage.href} className="underline">{usage.text}</Link> : usage.text}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <form action={save} className="space-y-2" aria-label={`Details of ${label}`}>
          <input type="hidden" name="mediaId" value={image.id} />
          <label className="block text-xs font-medium">
            Alt text
            <input name="alt" defaultValue={image.alt} maxLength={500} disabled={!canEdit} className={inputClass} />
          </label>
          <label className="block text-xs font-medium">
            Caption
            <input name="caption" defaultValue={image.caption} maxLength={1000} disabled={!canEdit} className={inputClass} />
          </label>
          <label className="block text-xs font-medium">
            Credit
            <input name="credit" defaultValue={image.credit} maxLength={200} disabled={!canEdit} className={inputClass} />
          </label>
          {canEdit && (
            <button type="submit" disabled={saving} className="rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-60">
              Save details
            </button>
          )}
          <FormMessage error={saved.error} success={saved.success} />
        </form>
        {canDelete && (
          <form action={remove} className="space-y-2">
            <input type="hidden" name="mediaId" value={image.id} />
            <button type="submit" disabled={deleting} className="text-xs text-red-800 underline disabled:opacity-60">
              Delete image
            </button>
            <FormMessage error={deleted.error} />
          </form>
        )}
      </div>
    </article>
  );
}
