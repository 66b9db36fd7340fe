"use client";

import { useState } from "react";
import { type ShareLinksResponse, createShareLinkAction, revokeShareLinkAction } from "@/app/(desk)/desk/stories/share-actions";

type Link = NonNullable<ShareLinksResponse["links"]>[number];

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** Previews for people without an account: expiring, revocable, the link shown once. */
export function ShareLinks({ storyId, initial }: { storyId: string; initial: Link[] }) {
  const [links, setLinks] = useState(initial);
  const [hours, setHours] = useState(48);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function apply(result: ShareLinksResponse) {
    setError(result.error ?? null);
    if (result.links) setLinks(result.links);
  }

  return (
    <section aria-label="Share links" className="space-y-3 rounded border border-stone-300 bg-white p-4 text-sm">
      <h2 className="font-semibold">Share a preview</h2>
      <p>Anyone with the link sees this preview, and nothing else, until it expires or you revoke it.</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="font-medium">
          Link works for
          <select value={hours} onChange={(event) => setHours(Number(event.target.value))} className="ml-2 rounded border border-stone-300 px-2 py-1">
            <option value={24}>24 hours</option>
            <option value={48}>48 hours</option>
            <option value={168}>7 days</option>
          </select>
        </label>
        <button
          type="button"
          className="rounded bg-stone-900 px-3 py-1 font-semibold text-white"
          onClick={async () => {
            const result = await createShareLinkAction({ storyId, hours });
            apply(result);
            if (result.createdPath) setCreated(`${window.location.origin}${result.createdPath}`);
          }}
        >
          Create share link
        </button>
      </div>
      {created && (
        <label className="block font-medium">
          Share link (copy it now: it is not shown again)
          <input readOnly value={created} onFocus={(event) => event.target.select()} className="mt-1 w-full rounded border border-stone-300 px-2 py-1 font-mono text-xs" />
        </label>
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      {links.length > 0 && (
        <ul aria-label="Active share links" className="divide-y divide-stone-200">
          {links.map((link) => (
            <li key={link.id} className="flex items-center justify-between gap-2 py-1">
              <span>
                By {link.createdBy ?? "a former colleague"} · expires {timeFormat.format(new Date(link.expiresAt))}
              </span>
              <button type="button" className="rounded border border-stone-300 px-2 py-0.5" onClick={async () => apply(await revokeShareLinkAction({ linkId: link.id }))}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
