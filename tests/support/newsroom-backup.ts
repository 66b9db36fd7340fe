import path from "node:path";
import { eq, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { expect } from "vitest";
import { db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { addComment } from "@/db/queries/comments";
import { bringPublishedStoriesLive } from "@/db/queries/live-stories";
import journal from "@/db/migrations/meta/_journal.json";
import * as schema from "@/db/schema";
import { auditLog, publication, rateLimits, stories, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { FileMediaStorage } from "@/lib/media/storage";
import { storeUpload } from "@/lib/media/upload";
import { pattern } from "../media/fixtures";

/** What a backup of this version holds, counted from the schema and the migrations, not written down. */
export const TABLE_COUNT = Object.values(schema).filter((value) => is(value, PgTable)).length;
export const MIGRATION_COUNT = journal.entries.length;

/**
 * A newsroom with a bit of everything a backup must carry, on the database at DATABASE_URL and the
 * media under DATA_DIR: the demo staff and stories with their revisions and live versions, an
 * uploaded image used as avatar, logo and featured image, comments with a reply and an anchor,
 * audit entries, and values that only survive exactly (microseconds, offsets, quotes, nulls).
 */
export async function seedNewsroom(): Promise<void> {
  await seedDemo(db(), "backup-demo-password");
  await bringPublishedStoriesLive();
  const [admin] = await db().select().from(users).where(eq(users.email, "admin@newsroom.test"));
  const image = await storeUpload(await pattern(900, 600).png().toBuffer(), "harbour wall.png", admin.id);
  await db().update(users).set({ avatarMediaId: image.id, bio: `Zoë "Mara" O'Quill — ☂\nline two \\ backslash` }).where(eq(users.id, admin.id));
  await db().update(publication).set({ logoMediaId: image.id, timezone: "Europe/London" });
  const [story] = await db().select().from(stories).limit(1);
  await db()
    .update(stories)
    .set({ featuredImageId: image.id, featuredImageAlt: "The harbour wall at dusk", publishAt: sql`'2026-12-01 10:11:12.345678+05:30'::timestamptz`, slugLocked: true })
    .where(eq(stories.id, story.id));
  await addComment({ storyId: story.id, authorId: admin.id, body: "Check the council figure, @editor.", parentId: null, anchor: { quote: "sea wall", prefix: "a new ", suffix: "" } });
  const [comment] = await db().execute<{ id: string }>(sql`SELECT id FROM comments LIMIT 1`).then((result) => result.rows);
  await addComment({ storyId: story.id, authorId: admin.id, body: "Checked: 4.2 million.", parentId: comment.id, anchor: null });
  await recordAudit({ actorId: admin.id, action: "media.upload", targetType: "media", targetId: image.id, ip: "2001:db8::7", metadata: { bytes: 1234, nested: { list: [1, "two", null] } } });
  await recordAudit({ action: "settings.update" });
  await db().insert(rateLimits).values({ key: "search:2001:db8::7", points: 3, expire: 4_102_444_800_123 });
  // A gap in the sequence: the restored one must continue after the source's, not after its rows.
  await db().delete(auditLog).where(eq(auditLog.action, "settings.update"));
  await recordAudit({ actorId: admin.id, action: "story.publish", targetType: "story", targetId: story.id, fromStatus: "approved", toStatus: "published" });
}

export type DatabaseSnapshot = { tables: Record<string, string[]>; sequences: Record<string, string | null>; migrations: string[] };

/** Every row of every table of the app's schema as PostgreSQL prints it (in UTC), sorted. */
export async function snapshotDatabase(url: string): Promise<DatabaseSnapshot> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query("SET TimeZone = 'UTC'");
    const { rows: tables } = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    const snapshot: DatabaseSnapshot = { tables: {}, sequences: {}, migrations: [] };
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM public."${name}" t ORDER BY 1`);
      snapshot.tables[name] = rows.map((row) => row.row);
    }
    const { rows: sequences } = await client.query<{ name: string; value: string | null }>(
      "SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'",
    );
    for (const sequence of sequences) snapshot.sequences[sequence.name] = sequence.value;
    const { rows: migrations } = await client.query<{ hash: string }>("SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at");
    snapshot.migrations = migrations.map((migration) => migration.hash);
    return snapshot;
  } finally {
    await client.end();
  }
}

/** Every media file under the data directory, key → bytes. */
export async function snapshotMedia(dataDir: string): Promise<Map<string, Buffer>> {
  const storage = new FileMediaStorage(path.join(dataDir, "media"));
  const files = new Map<string, Buffer>();
  const keys: string[] = [];
  for await (const key of storage.list()) keys.push(key);
  for (const key of keys.sort()) files.set(key, (await storage.get(key))!);
  return files;
}

/**
 * A restored newsroom against its source: every row of every table, the sequences, the migration
 * history and every media file's bytes. Returns the source's snapshot.
 */
export async function expectSameNewsroom(source: { url: string; dataDir: string }, target: { snapshot: DatabaseSnapshot; dataDir: string }) {
  const expected = await snapshotDatabase(source.url);
  const media = await snapshotMedia(source.dataDir);
  expectRealisticNewsroom(expected, media);
  expect(target.snapshot).toEqual(expected);
  expect(await snapshotMedia(target.dataDir)).toEqual(media);
  return expected;
}

/** What a newsroom must hold for a comparison to mean something: guards against comparing two empty copies. */
function expectRealisticNewsroom(snapshot: DatabaseSnapshot, media: Map<string, Buffer>): void {
  const count = (table: string) => snapshot.tables[table].length;
  const problems = [
    count("users") >= 3 || "users",
    count("stories") >= 3 || "stories",
    count("story_revisions") >= 3 || "story_revisions",
    count("public_stories") >= 3 || "public_stories",
    count("comments") === 2 || "comments",
    count("audit_log") >= 2 || "audit_log",
    count("media") === 1 || "media",
    media.size >= 2 || "media files",
  ].filter((ok) => ok !== true);
  if (problems.length > 0) throw new Error(`the seeded newsroom lacks ${problems.join(", ")}`);
}
