import crypto from "node:crypto";
import { db } from "@/db/client";
import { type Role, type StoryStatus, sections, stories, storyBylines, users } from "@/db/schema";
import { hashPassword } from "@/lib/passwords";

export const TEST_PASSWORD = "correct-horse-battery";

let cachedHash: Promise<string> | undefined;

export async function createUser(overrides: { role?: Role; active?: boolean; email?: string } = {}) {
  const tag = crypto.randomUUID().slice(0, 8);
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db()
    .insert(users)
    .values({
      email: overrides.email ?? `person-${tag}@newsroom.test`,
      displayName: `Person ${tag}`,
      slug: `person-${tag}`,
      role: overrides.role ?? "writer",
      active: overrides.active ?? true,
      passwordHash: await cachedHash,
    })
    .returning();
  return user;
}

/** A documentation-prefix address no other test uses, so throttling never leaks between tests. */
export function uniqueIp(): string {
  const [a, b] = [crypto.randomBytes(2).toString("hex"), crypto.randomBytes(2).toString("hex")];
  return `2001:db8::${a}:${b}`;
}

let sectionId: Promise<string> | undefined;

/** One section shared by the tests that need any section at all. */
export function testSection(): Promise<string> {
  sectionId ??= db()
    .insert(sections)
    .values({ name: "Test desk", slug: `test-desk-${crypto.randomUUID().slice(0, 8)}` })
    .returning({ id: sections.id })
    .then(([row]) => row.id);
  return sectionId;
}

export const READY_DEK = "A dek long enough to stand in for the SEO description of this story.";

/** A story that passes the publish checklist, in the given status, with `writerId` as its byline. */
export async function createReadyStory(writerId: string, status: StoryStatus = "in_review", overrides: Partial<typeof stories.$inferInsert> = {}) {
  const tag = crypto.randomUUID().slice(0, 8);
  const [story] = await db()
    .insert(stories)
    .values({
      headline: `Ferry timetable changes ${tag}`,
      dek: READY_DEK,
      slug: `ferry-timetable-${tag}`,
      sectionId: await testSection(),
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `The first words ${tag}.` }] }] },
      status,
      createdBy: writerId,
      firstSubmittedAt: status === "draft" ? null : new Date(),
      ...overrides,
    })
    .returning();
  await db().insert(storyBylines).values({ storyId: story.id, userId: writerId, position: 0 });
  return story;
}
