"use client";

import { useActionState } from "react";
import { moveFooterPageAction } from "@/app/(desk)/desk/admin/footer/actions";
import { FormMessage } from "@/components/ui/form-message";
import { MoveButtons } from "./move-buttons";

const smallButton = "rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50";

type Page = { id: string; slug: string; headline: string };

export function FooterPageRow({ page, first, last }: { page: Page; first: boolean; last: boolean }) {
  const [state, move] = useActionState(moveFooterPageAction, {});
  return (
    <li aria-label={page.headline} className="space-y-2 border-b border-stone-200 py-3 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium">{page.headline}</span>
        <span className="font-mono text-stone-600">/{page.slug}</span>
        <span className="ml-auto flex gap-1">
          <MoveButtons action={move} idField="pageId" id={page.id} name={page.headline} first={first} last={last} className={smallButton} />
        </span>
      </div>
      <FormMessage error={state.error} success={state.success} />
    </li>
  );
}
