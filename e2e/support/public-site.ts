import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import * as schema from "../../db/schema";
import { slugify } from "../../lib/slug";
import { testDb } from "./database";
import { type TestServer, servers } from "./servers";
import { testImage } from "./story-editor-page";

export const uniqueWord = () => `quokka${crypto.randomBytes(4).toString("hex").replace(/[0-9]/g, "")}`;

type StoryInput = {
  headline: string;
  authorId: string;
  sectionSlug?: string;
  text?: string;
  tags?: string[];
  status?: "scheduled" | "draft" | "in_review";
  /** When a scheduled story is due; now unless given. */
  publishAt?: Date;
  featuredImage?: { id: string; alt: string; caption: string; credit: string };
};

/**
 * A story as the workflow leaves it, written straight to the database: the browser tests cannot
 * import the server's queries. A scheduled story that is due is published by the server's own
 * scheduler within about a second, through the real publishing path.
 */
export async function insertStory(input: StoryInput, server: TestServer = servers.newsroom) {
  const db = testDb(server);
  const [section] = await db.select().from(schema.sections).where(eq(schema.sections.slug, input.sectionSlug ?? "news"));
  const slug = `story-${crypto.randomBytes(5).toString("hex")}`;
  const status = input.status ?? "scheduled";
  // One transaction: the server's scheduler may publish a due story the moment it is visible,
  // so its bylines and tags must become visible with it.
  const story = await db.transaction(async (tx) => {
    const [story] = await tx
      .insert(schema.stories)
      .values({
        headline: input.headline,
        dek: "A dek long enough to stand in for the SEO description of this story, as the checklist asks.",
        slug,
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: input.text ?? "The harbour was calm on Monday." }] }] },
        status,
        sectionId: section.id,
        publishAt: status === "scheduled" ? (input.publishAt ?? new Date()) : null,
        createdBy: input.authorId,
        featuredImageId: input.featuredImage?.id ?? null,
        featuredImageAlt: input.featuredImage?.alt ?? "",
        featuredImageCaption: input.featuredImage?.caption ?? "",
        featuredImageCredit: input.featuredImage?.credit ?? "",
      })
      .returning();
    await tx.insert(schema.storyBylines).values({ storyId: story.id, userId: input.authorId, position: 0 });
    for (const [position, name] of (input.tags ?? []).entries()) {
      const [tag] = await tx
        .insert(schema.tags)
        .values({ name, slug: slugify(name, 60) })
        .onConflictDoUpdate({ target: schema.tags.slug, set: { name } })
        .returning();
      await tx.insert(schema.storyTags).values({ storyId: story.id, tagId: tag.id, position });
    }
    return story;
  });
  return { ...story, path: `/${section.slug}/${slug}` };
}

/**
 * Waits until the server's scheduler has put the story live, asking the way a reader would
 * (polling the database from here would add load on the embedded database for nothing).
 */
export async function waitUntilLive(request: APIRequestContext, path: string) {
  // The scheduler ticks every second; a loaded two-core machine may need a few.
  await expect.poll(async () => (await request.get(path, { maxRedirects: 0 })).status(), { timeout: 30_000, intervals: [250] }).toBe(200);
}

/** What every change readers can see does in its transaction (db/queries/live-stories.ts). */
export async function bumpPublicVersion() {
  await testDb(servers.newsroom)
    .update(schema.publication)
    .set({ publicVersion: sql`${schema.publication.publicVersion} + 1` });
}

/** Uploads an image through the real upload route, from a page signed in as staff. */
export async function uploadImage(page: Page): Promise<{ id: string; width: number; height: number }> {
  const bytes = Array.from(await testImage());
  return page.evaluate(async (data) => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(data)], "quay.png", { type: "image/png" }));
    const response = await fetch("/api/uploads", { method: "POST", body: form });
    return response.json();
  }, bytes);
}

/** Parses XML with the browser's own parser; a document it cannot parse fails the test. */
export async function parseXml(page: Page, xml: string, select: string): Promise<string[]> {
  return page.evaluate(
    ({ xml, select }) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const error = doc.getElementsByTagName("parsererror")[0];
      if (error) throw new Error(`Not well-formed XML: ${error.textContent}`);
      return Array.from(doc.getElementsByTagNameNS("*", select)).map((node) => node.textContent ?? "");
    },
    { xml, select },
  );
}
