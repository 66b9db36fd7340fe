import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Transaction, db } from "../client";
import { sections, stories } from "../schema";
import { bumpPublicVersion } from "./live-stories";

export async function listSections() {
  return db().select({ id: sections.id, name: sections.name, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.name));
}

/** For the admin page: every section in order, with how many stories use it. */
export async function listSectionsForAdmin() {
  return db()
    .select({
      id: sections.id,
      name: sections.name,
      slug: sections.slug,
      hidden: sections.hidden,
      position: sections.position,
      stories: sql<number>`(SELECT count(*)::int FROM ${stories} WHERE ${stories.sectionId} = ${sections.id})`,
    })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

/** Section names and order show on public pages, so every change moves the public version. */
async function changeSections<T>(change: (tx: Transaction) => Promise<T>): Promise<T> {
  return db().transaction(async (tx) => {
    const result = await change(tx);
    await bumpPublicVersion(tx);
    return result;
  });
}

export async function createSection(name: string, slug: string): Promise<"created" | "taken"> {
  return changeSections(async (tx) => {
    const [last] = await tx.select({ position: sql<number>`coalesce(max(${sections.position}), -1)` }).from(sections);
    const inserted = await tx
      .insert(sections)
      .values({ name, slug, position: last.position + 1 })
      .onConflictDoNothing({ target: sections.slug })
      .returning({ id: sections.id });
    return inserted.length === 1 ? "created" : "taken";
  });
}

export async function updateSection(id: string, change: { name?: string; hidden?: boolean }): Promise<boolean> {
  return changeSections(async (tx) => {
    const updated = await tx.update(sections).set({ ...change, updatedAt: new Date() }).where(eq(sections.id, id)).returning({ id: sections.id });
    return updated.length === 1;
  });
}

/** Swaps a section with its neighbour above or below. */
export async function moveSection(id: string, direction: "up" | "down"): Promise<void> {
  await changeSections(async (tx) => {
    const ordered = await tx.select({ id: sections.id }).from(sections).orderBy(asc(sections.position), asc(sections.name)).for("update");
    const index = ordered.findIndex((section) => section.id === id);
    const other = index + (direction === "up" ? -1 : 1);
    if (index === -1 || other < 0 || other >= ordered.length) return;
    [ordered[index], ordered[other]] = [ordered[other], ordered[index]];
    for (const [position, section] of ordered.entries()) {
      await tx.update(sections).set({ position }).where(eq(sections.id, section.id));
    }
  });
}

/** Only an empty section goes; the check and the delete are one statement. */
export async function deleteEmptySection(id: string): Promise<boolean> {
  return changeSections(async (tx) => {
    const deleted = await tx
      .delete(sections)
      .where(and(eq(sections.id, id), sql`NOT EXISTS (SELECT 1 FROM ${stories} WHERE ${stories.sectionId} = ${sections.id})`))
      .returning({ id: sections.id });
    return deleted.length === 1;
  });
}
