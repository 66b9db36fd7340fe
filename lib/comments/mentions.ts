import { SLUG_SOURCE } from "@/lib/slug";

const MENTION = new RegExp(`(?<![\\p{L}\\p{N}_@])@(${SLUG_SOURCE})`, "gu");

/** Author slugs named as @slug in a comment (in any script, like the slugs), each once, at most 20. */
export function mentionedSlugs(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(MENTION), (match) => match[1]))].slice(0, 20);
}
