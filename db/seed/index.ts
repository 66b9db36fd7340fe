import { eq, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { hashPassword } from "../../lib/passwords";
import { searchConfigFor } from "../../lib/search-language";
import { storyWordCount } from "../../lib/story-body/text";
import * as schema from "../schema";
import { DEMO_PUBLICATION, DEMO_SECTIONS, DEMO_STAFF, DEMO_STORIES } from "./demo-content";

type Db = NodePgDatabase<typeof schema>;
const DAY_MS = 86_400_000;

/** The publication's settings row; every deployment needs one, demo or not. */
export async function ensurePublication(db: Db): Promise<void> {
  await db.insert(schema.publication).values({ id: 1, name: "Masthead" }).onConflictDoNothing();
  await alignSearchWithLanguage(db);
}

/**
 * Search follows the publication's language (db/queries/publication.ts re-indexes when it is
 * saved); a newsroom upgraded from before that, or restored from such a backup, is re-indexed
 * once here, at its first start.
 */
async function alignSearchWithLanguage(db: Db): Promise<void> {
  const [current] = await db.select({ language: schema.publication.language, searchConfig: schema.publication.searchConfig }).from(schema.publication);
  const wanted = searchConfigFor(current.language);
  if (current.searchConfig === wanted) return;
  await db.transaction(async (tx) => {
    await tx.update(schema.publication).set({ searchConfig: wanted });
    await tx.update(schema.publicStories).set({ searchConfig: wanted }).where(sql`${schema.publicStories.searchConfig} <> ${wanted}::regconfig`);
  });
}

/** Idempotent: adds what is missing and never touches rows that already exist. */
export async function seedDemo(db: Db, password: string): Promise<void> {
  await db
    .insert(schema.publication)
    .values({ id: 1, ...DEMO_PUBLICATION })
    .onConflictDoUpdate({
      target: schema.publication.id,
      set: DEMO_PUBLICATION,
      // Only replace the placeholder name, never one somebody chose.
      setWhere: sql`${schema.publication.name} = 'Masthead'`,
    });
  await db.insert(schema.sections).values(DEMO_SECTIONS).onConflictDoNothing();

  const passwordHash = await hashPassword(password);
  await db
    .insert(schema.users)
    .values(DEMO_STAFF.map((person) => ({ ...person, passwordHash })))
    .onConflictDoNothing();

  const staff = await db.select({ id: schema.users.id, email: schema.users.email }).from(schema.users);
  const userId = (email: string) => staff.find((person) => person.email === email)!.id;
  const sections = await db.select().from(schema.sections);

  for (const story of DEMO_STORIES) {
    const [existing] = await db.select({ id: schema.stories.id }).from(schema.stories).where(eq(schema.stories.slug, story.slug));
    if (existing) continue;
    const publishedAt = new Date(Date.now() - story.daysAgo * DAY_MS);
    await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(schema.stories)
        .values({
          headline: story.headline,
          dek: story.dek,
          slug: story.slug,
          body: story.body,
          wordCount: storyWordCount(story.body),
          status: "published",
          sectionId: sections.find((section) => section.slug === story.section)!.id,
          seoDescription: story.dek.slice(0, 160),
          publishedAt,
          createdBy: userId(story.bylines[0]),
          createdAt: publishedAt,
          updatedAt: publishedAt,
        })
        .returning({ id: schema.stories.id });
      await tx
        .insert(schema.storyBylines)
        .values(story.bylines.map((email, position) => ({ storyId: created.id, userId: userId(email), position })));
      await tx.insert(schema.storyRevisions).values({
        storyId: created.id,
        revision: 1,
        headline: story.headline,
        dek: story.dek,
        body: story.body,
        reason: "seed",
        authorId: userId(story.bylines[0]),
        createdAt: publishedAt,
      });
    });
  }
}
