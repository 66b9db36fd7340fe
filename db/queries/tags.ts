import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { slugify } from "@/lib/slug";
import type { Transaction } from "../client";
import { storyTags, tags } from "../schema";

/** Typed tags become shared ones: "Climate  change" and "climate change" are the same tag. */
export function normalizeTagNames(names: readonly string[]): { name: string; slug: string }[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.replace(/\s+/g, " ").trim();
    const slug = slugify(name, 60);
    if (slug && !seen.has(slug)) seen.set(slug, name);
  }
  return [...seen].map(([slug, name]) => ({ slug, name }));
}

export async function replaceStoryTags(tx: Transaction, storyId: string, names: readonly string[]): Promise<void> {
  const wanted = normalizeTagNames(names);
  await tx.delete(storyTags).where(eq(storyTags.storyId, storyId));
  if (wanted.length === 0) return;
  await tx.insert(tags).values(wanted).onConflictDoNothing({ target: tags.slug });
  const rows = await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, wanted.map((tag) => tag.slug)));
  await tx.insert(storyTags).values(
    wanted.map((tag, position) => ({ storyId, tagId: rows.find((row) => row.slug === tag.slug)!.id, position })),
  );
}

export async function storyTagNames(tx: Transaction, storyId: string): Promise<string[]> {
  const rows = await tx
    .select({ name: tags.name })
    .from(storyTags)
    .innerJoin(tags, eq(storyTags.tagId, tags.id))
    .where(eq(storyTags.storyId, storyId))
    .orderBy(asc(storyTags.position));
  return rows.map((row) => row.name);
}
