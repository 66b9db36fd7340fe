"use client";

import { useActionState } from "react";
import {
  createSectionAction,
  deleteSectionAction,
  hideSectionAction,
  moveSectionAction,
  renameSectionAction,
} from "@/app/(desk)/desk/admin/sections/actions";
import { FormMessage } from "@/components/ui/form-message";
import { MoveButtons } from "./move-buttons";

const fieldClass = "mt-1 block rounded border border-stone-300 px-2 py-1 font-normal";
const smallButton = "rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50";

export function NewSectionForm() {
  const [state, formAction, pending] = useActionState(createSectionAction, {});
  return (
    <form action={formAction} aria-label="New section" className="space-y-2 rounded border border-stone-300 bg-white p-4 text-sm">
      <h2 className="font-semibold">New section</h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="font-medium">
          Name
          <input name="name" required maxLength={60} defaultValue={state.values?.name} className={fieldClass} />
        </label>
        <label className="font-medium">
          Slug (optional)
          <input name="slug" maxLength={60} defaultValue={state.values?.slug} className={fieldClass} />
        </label>
        <button type="submit" disabled={pending} className="rounded bg-stone-900 px-3 py-1.5 font-semibold text-white disabled:opacity-60">
          Create section
        </button>
      </div>
      <FormMessage error={state.error} success={state.success} />
    </form>
  );
}

type Section = { id: string; name: string; slug: string; hidden: boolean; stories: number };

export function SectionRow({ section, first, last }: { section: Section; first: boolean; last: boolean }) {
  const [renameState, rename, renaming] = useActionState(renameSectionAction, {});
  const [moveState, move] = useActionState(moveSectionAction, {});
  const [hideState, hide] = useActionState(hideSectionAction, {});
  const [deleteState, remove] = useActionState(deleteSectionAction, {});
  const message = [renameState, moveState, hideState, deleteState].find((state) => state.error || state.success) ?? {};
  return (
    <li aria-label={section.name} className="space-y-2 border-b border-stone-200 py-3 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <form action={rename} className="flex items-end gap-2">
          <input type="hidden" name="sectionId" value={section.id} />
          <label className="font-medium">
            Name
            <input name="name" required maxLength={60} defaultValue={section.name} className={fieldClass} />
          </label>
          <button type="submit" disabled={renaming} className={smallButton}>
            Rename
          </button>
        </form>
        <span className="text-stone-600">
          /{section.slug} · {section.stories} {section.stories === 1 ? "story" : "stories"}
          {section.hidden && " · hidden"}
        </span>
        <span className="ml-auto flex gap-1">
          <MoveButtons action={move} idField="sectionId" id={section.id} name={section.name} first={first} last={last} className={smallButton} />
          <form action={hide}>
            <input type="hidden" name="sectionId" value={section.id} />
            <input type="hidden" name="hidden" value={String(!section.hidden)} />
            <button type="submit" className={smallButton}>
              {section.hidden ? "Show in navigation" : "Hide from navigation"}
            </button>
          </form>
          <form action={remove}>
            <input type="hidden" name="sectionId" value={section.id} />
            <button type="submit" disabled={section.stories > 0} aria-label={`Delete ${section.name}`} className={smallButton}>
              Delete
            </button>
          </form>
        </span>
      </div>
      <FormMessage error={message.error} success={message.success} />
    </li>
  );
}
