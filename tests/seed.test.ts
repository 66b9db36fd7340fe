import { drizzle } from "drizzle-orm/node-postgres";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pool } from "@/db/client";
import * as schema from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { DEMO_STAFF, DEMO_STORIES } from "@/db/seed/demo-content";
import { verifyPassword } from "@/lib/passwords";
import { storyWordCount } from "@/lib/story-body/text";

describe("seedDemo", () => {
  it("is idempotent and keeps what people changed", async () => {
    const db = drizzle(pool(), { schema });
    await seedDemo(db, "first-password");
    const demoEmail = DEMO_STAFF[0].email;
    await db.update(schema.users).set({ bio: "Edited by hand" }).where(eq(schema.users.email, demoEmail));

    await seedDemo(db, "second-password");

    const staff = await db.select().from(schema.users);
    for (const person of DEMO_STAFF) expect(staff.filter((row) => row.email === person.email)).toHaveLength(1);
    const writer = staff.find((row) => row.email === demoEmail)!;
    expect(writer.bio).toBe("Edited by hand");
    expect(await verifyPassword(writer.passwordHash, "first-password")).toBe(true);
    const stories = await db.select().from(schema.stories).where(eq(schema.stories.status, "published"));
    for (const story of DEMO_STORIES) expect(stories.filter((row) => row.slug === story.slug)).toHaveLength(1);
  });

  it("counts the words of the stories it writes, as a save would", async () => {
    const db = drizzle(pool(), { schema });
    await seedDemo(db, "first-password");
    const stories = await db.select().from(schema.stories);
    for (const story of DEMO_STORIES) {
      const row = stories.find((candidate) => candidate.slug === story.slug)!;
      expect(row.wordCount, story.slug).toBe(storyWordCount(story.body));
      expect(row.wordCount, story.slug).toBeGreaterThan(0);
    }
  });
});
