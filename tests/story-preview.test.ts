import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { getEditableStory } from "@/db/queries/stories";
import { stories } from "@/db/schema";
import { storyPreview } from "@/lib/story-preview";
import { createUser } from "./support/factories";
import { createSection, createStory, publishUpdate } from "./support/public-stories";

async function previewOf(storyId: string) {
  const story = await getEditableStory(storyId);
  if (!story) throw new Error("no such story");
  return storyPreview(story);
}

describe("storyPreview: the saved version in the public page's shape", () => {
  it("gives a scheduled story its time instead of a publication date, with section, bylines, tags and the rendered body", async () => {
    const [first, second] = [await createUser(), await createUser()];
    const section = await createSection();
    const story = await createStory({ sectionId: section.id, authorIds: [first.id, second.id], status: "scheduled", tags: ["Ferries", "Winter timetable"] });
    const publishAt = new Date("2030-01-15T09:30:00Z");
    const body = { type: "doc", content: [{ type: "pullQuote", attrs: { attribution: "Ana Ruiz" }, content: [{ type: "text", text: "Not told." }] }] };
    await db().update(stories).set({ publishAt, body }).where(eq(stories.id, story.id));

    const preview = await previewOf(story.id);
    expect(preview).toMatchObject({
      headline: story.headline,
      sectionSlug: section.slug,
      sectionName: section.name,
      publishedAt: null,
      publishAt,
      updatedAt: null,
      image: null,
      bylines: [
        { displayName: first.displayName, slug: first.slug },
        { displayName: second.displayName, slug: second.slug },
      ],
      tags: [
        { id: "ferries", name: "Ferries", slug: "ferries" },
        { id: "winter-timetable", name: "Winter timetable", slug: "winter-timetable" },
      ],
      corrections: [],
    });
    expect(preview.bodyHtml).toBe('<figure data-pull-quote="" class="pull-quote"><blockquote><p>Not told.</p></blockquote><figcaption>— Ana Ruiz</figcaption></figure>');
  });

  it("keeps a live story's publication date and published notes, and shows its pending edits", async () => {
    const author = await createUser();
    const section = await createSection();
    const story = await createStory({ sectionId: section.id, authorIds: [author.id], text: "The first boat leaves at 6.15." });
    await publishUpdate(story.id, { dek: "A dek long enough to stand in for the SEO description, now updated." }, { kind: "correction", note: "An earlier version gave the wrong pier." });
    await db()
      .update(stories)
      .set({ body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The first boat leaves at 6.45." }] }] }, pendingUpdate: true })
      .where(eq(stories.id, story.id));

    const preview = await previewOf(story.id);
    expect(preview.publishedAt).toEqual(story.publishedAt);
    expect(preview.publishAt).toBeNull();
    expect(preview.corrections).toMatchObject([{ kind: "correction", note: "An earlier version gave the wrong pier." }]);
    expect(preview.bodyHtml).toBe("<p>The first boat leaves at 6.45.</p>");
  });

  it("names an untitled draft without a section plainly", async () => {
    const author = await createUser();
    const section = await createSection();
    const story = await createStory({ sectionId: section.id, authorIds: [author.id], status: "draft" });
    await db().update(stories).set({ headline: "", sectionId: null }).where(eq(stories.id, story.id));
    expect(await previewOf(story.id)).toMatchObject({ headline: "Untitled story", sectionSlug: "", sectionName: "", publishedAt: null, publishAt: null });
  });
});
