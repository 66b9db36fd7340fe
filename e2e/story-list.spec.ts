import { eq } from "drizzle-orm";
import * as schema from "../db/schema";
import { createStaff, testDb } from "./support/database";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { servers } from "./support/servers";

test("an editor narrows all stories by words, section and author, and sorts them", async ({ page }) => {
  const db = testDb(servers.newsroom);
  const writer = await createStaff(servers.newsroom, "writer");
  const [culture] = await db.select().from(schema.sections).where(eq(schema.sections.slug, "culture"));
  const tag = Date.now();
  for (const [headline, sectionId] of [
    [`Alpha lighthouse ${tag}`, culture.id],
    [`Beta lighthouse ${tag}`, null],
    [`Gamma harbour ${tag}`, culture.id],
  ] as const) {
    const [story] = await db.insert(schema.stories).values({ headline, sectionId, createdBy: writer.id }).returning();
    await db.insert(schema.storyBylines).values({ storyId: story.id, userId: writer.id, position: 0 });
  }

  await signInAsNewStaff(page, "editor");
  await page.goto("/desk/stories");
  const filters = page.getByRole("search", { name: "Filter stories" });
  await filters.getByLabel("Search").fill(`lighthouse ${tag}`);
  await filters.getByLabel("Author").selectOption({ label: writer.displayName });
  await filters.getByLabel("Sort by").selectOption({ label: "Headline A–Z" });
  await filters.getByRole("button", { name: "Filter" }).click();
  const headlines = page.getByRole("row").getByRole("link");
  await expect(headlines).toHaveText([`Alpha lighthouse ${tag}`, `Beta lighthouse ${tag}`]);

  await filters.getByLabel("Section").selectOption({ label: "Culture" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(headlines).toHaveText([`Alpha lighthouse ${tag}`]);
  await expect(filters.getByLabel("Search")).toHaveValue(`lighthouse ${tag}`);

  await filters.getByLabel("Search").fill("100% _nothing_ like this");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No stories match.")).toBeVisible();
});
