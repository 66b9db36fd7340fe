import { MATCH_END, MATCH_START } from "@/db/queries/public-search";

/** A snippet with its matched words marked, built as React text so nothing in it is HTML. */
export function SearchSnippet({ snippet }: { snippet: string }) {
  const parts = snippet.split(MATCH_START).flatMap((chunk, index) => {
    if (index === 0) return [{ text: chunk, match: false }];
    const [matched, rest = ""] = chunk.split(MATCH_END);
    return [
      { text: matched, match: true },
      { text: rest, match: false },
    ];
  });
  return (
    <p className="mt-2 text-stone-700 dark:text-stone-300">
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="bg-amber-200 text-stone-900">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
