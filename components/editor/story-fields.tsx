"use client";

import { slugify } from "@/lib/slug";
import type { StoryDraftInput } from "@/lib/story-editing";

export type Fields = Omit<StoryDraftInput, "body">;
type Section = { id: string; name: string };

const inputClass = "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2 disabled:bg-stone-100";

function Counter({ length, min, max }: { length: number; min?: number; max: number }) {
  const outside = length > max || (min !== undefined && length > 0 && length < min);
  return (
    <p className={`-mt-3 text-right text-xs tabular-nums ${outside ? "text-red-800" : "text-stone-500"}`}>
      {length} characters ({min !== undefined ? `${min}–${max}` : `up to ${max}`} recommended)
    </p>
  );
}

type Props = {
  fields: Fields;
  /** Null for a standing page, which has neither section nor tags. */
  sections: Section[] | null;
  editable: boolean;
  onChange: (patch: Partial<Fields>) => void;
};

export function HeadlineFields({ fields, editable, onChange }: Omit<Props, "sections">) {
  return (
    <div className="space-y-4">
      <label className="block text-sm font-medium">
        Headline
        <input
          value={fields.headline}
          disabled={!editable}
          maxLength={300}
          onChange={(event) => onChange({ headline: event.target.value })}
          className={`${inputClass} font-serif text-2xl font-bold`}
        />
      </label>
      <label className="block text-sm font-medium">
        Dek
        <textarea
          value={fields.dek}
          disabled={!editable}
          maxLength={600}
          rows={2}
          onChange={(event) => onChange({ dek: event.target.value })}
          className={`${inputClass} text-lg`}
        />
      </label>
    </div>
  );
}

export function MetadataFields({ fields, sections, editable, onChange }: Props) {
  const derivedSlug = slugify(fields.headline);
  return (
    <div className="space-y-4 text-sm">
      {sections && (
        <>
          <label className="block font-medium">
            Section
            <select
              value={fields.sectionId ?? ""}
              disabled={!editable}
              onChange={(event) => onChange({ sectionId: event.target.value || null })}
              className={inputClass}
            >
              <option value="">Choose a section</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.name}
                </option>
              ))}
            </select>
          </label>
          <div>
            <label className="block font-medium">
              Tags
              <input
                value={fields.tags.join(", ")}
                disabled={!editable}
                aria-describedby="tags-hint"
                onChange={(event) => onChange({ tags: event.target.value.split(",").map((tag) => tag.trimStart()) })}
                placeholder="harbour, council"
                className={inputClass}
              />
            </label>
            <p id="tags-hint" className="text-xs text-stone-500">
              Separate tags with commas.
            </p>
          </div>
        </>
      )}
      <div>
        <label className="block font-medium">
          Slug
          <input
            value={fields.slugLocked ? fields.slug : derivedSlug}
            disabled={!editable}
            maxLength={100}
            aria-describedby="slug-hint"
            onChange={(event) => onChange({ slug: event.target.value, slugLocked: true })}
            className={`${inputClass} font-mono`}
          />
        </label>
        <p id="slug-hint" className="text-xs text-stone-500">
          {fields.slugLocked ? (
            <>
              Set by hand.{" "}
              {editable && (
                <button type="button" className="underline" onClick={() => onChange({ slugLocked: false, slug: derivedSlug })}>
                  Follow the headline again
                </button>
              )}
            </>
          ) : (
            "Follows the headline until you edit it."
          )}
        </p>
      </div>
      <label className="block font-medium">
        SEO title
        <input
          value={fields.seoTitle}
          disabled={!editable}
          maxLength={120}
          onChange={(event) => onChange({ seoTitle: event.target.value })}
          className={inputClass}
        />
      </label>
      <Counter length={fields.seoTitle.length} max={60} />
      <label className="block font-medium">
        SEO description
        <textarea
          value={fields.seoDescription}
          disabled={!editable}
          maxLength={320}
          rows={3}
          onChange={(event) => onChange({ seoDescription: event.target.value })}
          className={inputClass}
        />
      </label>
      <Counter length={fields.seoDescription.length} min={50} max={160} />
    </div>
  );
}
