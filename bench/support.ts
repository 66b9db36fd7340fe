/** What the benchmarks share: a story body of a given length, and percentiles. */
const WORDS = "harbour council ferry tide quay storm lifeboat market museum seagrass".split(" ");

/** Deterministic words that compress like prose does, not like a ten-word loop. */
function variedWord(n: number): string {
  const mixed = Math.imul(n + 1, 2654435761) >>> 0;
  return WORDS[mixed % WORDS.length] + (mixed % 7 === 0 ? `s${(mixed >>> 8) % 1000}` : (mixed >>> 12).toString(36).slice(0, 3));
}

/**
 * Paragraphs of 50 words with an H2 subhead every 1,000 words, as a long story has. `varied`
 * text compresses like real prose, so the stored body is as large as a real one's.
 */
export function storyBody(words: number, { varied = false } = {}) {
  const paragraphs = [];
  for (let written = 0; written < words; written += 50) {
    const text = Array.from({ length: 50 }, (_, i) => (varied ? variedWord(written + i) : WORDS[(written + i) % WORDS.length])).join(" ");
    paragraphs.push({ type: "paragraph", content: [{ type: "text", text: `${text}.` }] });
    if (written % 1000 === 0) paragraphs.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Subhead" }] });
  }
  return { type: "doc", content: paragraphs };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const report = (label: string, samples: number[]) =>
  `${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(7)} ms`;

/**
 * The path saveStoryAction takes after authentication: validate, count, save with a snapshot.
 * DATABASE_URL must name the database before the first call (the queries' pool reads it once).
 */
export async function autosave(storyId: string, revision: number, body: unknown, userId: string): Promise<number> {
  const [{ saveStoryDraft }, { parseStoryBody }, { storyWordCount }] = await Promise.all([
    import("../db/queries/story-drafts"),
    import("../lib/story-body/validate"),
    import("../lib/story-body/text"),
  ]);
  const parsed = parseStoryBody(JSON.parse(JSON.stringify(body)));
  if (!parsed.ok) throw new Error(parsed.error);
  const result = await saveStoryDraft(
    storyId,
    revision,
    {
      headline: "Benchmark",
      dek: "",
      slug: "",
      slugLocked: false,
      sectionId: null,
      seoTitle: "",
      seoDescription: "",
      featuredImageId: null,
      featuredImageAlt: "",
      featuredImageCaption: "",
      featuredImageCredit: "",
      tags: ["bench"],
      body: parsed.doc,
      wordCount: storyWordCount(parsed.doc),
    },
    userId,
    "autosave",
  );
  if (result.kind !== "saved") throw new Error(`save ${result.kind}`);
  return result.revision;
}
