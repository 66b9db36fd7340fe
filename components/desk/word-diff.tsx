import type { DiffBlock, DiffSegment } from "@/lib/story-body/diff";

function Segments({ segments }: { segments: DiffSegment[] }) {
  return segments.map((segment, index) =>
    segment.kind === "added" ? (
      <ins key={index} className="bg-green-100 text-green-900 no-underline">
        {segment.text}
      </ins>
    ) : segment.kind === "removed" ? (
      <del key={index} className="bg-red-100 text-red-900">
        {segment.text}
      </del>
    ) : (
      <span key={index}>{segment.text}</span>
    ),
  );
}

/** Insertions and deletions between two versions, word by word. */
export function WordDiff({ label, segments }: { label: string; segments: DiffSegment[] }) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">{label}</h3>
      <p className="mt-1">
        <Segments segments={segments} />
      </p>
    </div>
  );
}

export function BodyDiff({ blocks }: { blocks: DiffBlock[] }) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">Body</h3>
      <div className="mt-1 space-y-3">
        {blocks.map((block, index) => (
          <p key={index}>
            <Segments segments={block.segments} />
          </p>
        ))}
      </div>
    </div>
  );
}
