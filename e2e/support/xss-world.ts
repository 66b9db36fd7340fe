import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import * as schema from "../../db/schema";
import { hashPassword } from "../../lib/passwords";
import { isSafeHref } from "../../lib/story-body/href";
import { tokenHash } from "../../lib/one-time-token";
import { STAFF_PASSWORD, testDb } from "./database";
import { bumpPublicVersion } from "./public-site";
import { servers } from "./servers";

/** Each field starts with its own marker, so a page check can prove the field was really on the page. */
export const marker = (field: string) => `‹${field}›`;
const carrying = (field: string, payloads: string[]) => `${marker(field)} ${payloads.join(" ")}`;

type Json = Record<string, unknown>;
const text = (value: string, marks?: Json[]): Json => ({ type: "text", text: value, ...(marks && { marks }) });
const paragraph = (...content: Json[]): Json => ({ type: "paragraph", content });
const link = (href: string): Json => ({ type: "link", attrs: { href } });

/** One figure per payload (alt, caption and credit have length limits), after one carrying the markers. */
function storyImages(src: string, payloads: string[]): Json[] {
  const figure = (alt: string, caption: string, credit: string): Json => ({ type: "storyImage", attrs: { src, alt, caption, credit, width: 8, height: 8 } });
  return [figure(marker("body alt"), marker("body caption"), marker("body credit")), ...payloads.map((payload) => figure(payload, payload, payload))];
}

/**
 * What can go live: payloads as text, image alt/caption/credit, and inside safe http links
 * (publishing re-validates the body, so an unsafe link would keep the story off the site).
 */
function liveBody(payloads: string[], imageSrc: string, searchWord: string) {
  return {
    type: "doc",
    content: [
      paragraph(text(`${marker("body")} ${searchWord}`)),
      ...payloads.map((payload) => paragraph(text(payload))),
      ...payloads
        .map((payload) => `https://example.test/?q=${payload}`)
        .filter(isSafeHref)
        .map((href) => paragraph(text(href, [link(href)]))),
      ...storyImages(imageSrc, payloads),
    ],
  };
}

/** What a malicious client could store by going around the editor: every payload as a link target. */
function hostileBody(payloads: string[], imageSrc: string) {
  return {
    type: "doc",
    content: [
      paragraph(text(marker("body"))),
      ...payloads.map((payload) => paragraph(text(payload, [link(payload)]))),
      ...storyImages(imageSrc, payloads),
    ],
  };
}

export type XssWorld = Awaited<ReturnType<typeof seedXssWorld>>;

/**
 * One batch of payloads in every stored field a person can type into: an admin whose name and
 * bio carry them (so every desk page is open to them), a section, a tag, a live story, a story in
 * review with hostile links and comments, a scheduled story, a standing page, a correction, a
 * notification, an audit entry, a preview link and the library's words for the image. Written
 * straight to the database, as a client that got past
 * the forms would leave it; the live story is published by the server's own scheduler.
 */
export async function seedXssWorld(batch: number, payloads: string[], image: { id: string }) {
  const db = testDb(servers.newsroom);
  const tag = crypto.randomBytes(4).toString("hex");
  const imageSrc = `/media/${image.id}/original.png`;
  const inAnHour = new Date(Date.now() + 3_600_000);
  // A word only this batch's live story has, so a search finds it (and shows its payload headline).
  const searchWord = `xssword${tag.replace(/[0-9]/g, (digit) => "abcdefghij"[Number(digit)])}`;

  const world = await db.transaction(async (tx) => {
    const [person] = await tx
      .insert(schema.users)
      .values({
        email: `xss-${batch}-${tag}@newsroom.test`,
        displayName: carrying("name", payloads),
        slug: `xss-author-${tag}`,
        bio: carrying("bio", payloads),
        role: "admin",
        passwordHash: await hashPassword(STAFF_PASSWORD),
      })
      .returning();
    const [section] = await tx.insert(schema.sections).values({ name: carrying("section", payloads), slug: `xss-${batch}-${tag}`, position: 1000 + batch }).returning();
    const [storyTag] = await tx.insert(schema.tags).values({ name: carrying("tag", payloads), slug: `xss-${batch}-${tag}` }).returning();

    const story = async (name: string, status: schema.StoryStatus, body: Json, publishAt: Date | null) => {
      const [row] = await tx
        .insert(schema.stories)
        .values({
          headline: carrying("headline", payloads),
          dek: carrying("dek", payloads),
          slug: `xss-${name}-${tag}`,
          body,
          status,
          sectionId: section.id,
          publishAt,
          firstSubmittedAt: new Date(),
          createdBy: person.id,
          featuredImageId: image.id,
          featuredImageAlt: carrying("featured alt", payloads),
          featuredImageCaption: carrying("featured caption", payloads),
          featuredImageCredit: carrying("featured credit", payloads),
          seoTitle: carrying("seo title", payloads),
          // The publish checklist wants 50–160 characters here.
          seoDescription: Array.from(carrying("seo description", payloads)).slice(0, 160).join(""),
        })
        .returning();
      await tx.insert(schema.storyBylines).values({ storyId: row.id, userId: person.id, position: 0 });
      await tx.insert(schema.storyTags).values({ storyId: row.id, tagId: storyTag.id, position: 0 });
      return row;
    };
    const live = await story("live", "scheduled", liveBody(payloads, imageSrc, searchWord), new Date());
    // A standing page, published by the scheduler like the live story: at /<slug>, in every footer.
    const [page] = await tx
      .insert(schema.stories)
      .values({
        kind: "page",
        headline: carrying("headline", payloads),
        dek: carrying("dek", payloads),
        slug: `xss-page-${batch}-${tag}`,
        body: liveBody(payloads, imageSrc, searchWord),
        status: "scheduled",
        publishAt: new Date(),
        firstSubmittedAt: new Date(),
        createdBy: person.id,
        seoDescription: Array.from(carrying("seo description", payloads)).slice(0, 160).join(""),
      })
      .returning();
    await tx.insert(schema.storyBylines).values({ storyId: page.id, userId: person.id, position: 0 });
    const inReview = await story("in-review", "in_review", hostileBody(payloads, imageSrc), null);
    const scheduled = await story("scheduled", "scheduled", liveBody(payloads, imageSrc, searchWord), inAnHour);

    await tx.insert(schema.comments).values([
      { storyId: inReview.id, authorId: person.id, body: carrying("comment", payloads) },
      ...payloads.map((payload) => ({ storyId: inReview.id, authorId: person.id, body: payload })),
    ]);
    await tx.insert(schema.storyCorrections).values({ storyId: live.id, kind: "correction", note: carrying("correction", payloads), createdBy: person.id });
    await tx.insert(schema.notifications).values({ userId: person.id, kind: "comment", storyId: inReview.id, actorId: person.id, note: carrying("notification", payloads) });
    // The library's own words for the shared image, and its uploader the batch's admin, so /desk/media lists it under them.
    await tx
      .update(schema.media)
      .set({ alt: carrying("media alt", payloads), caption: carrying("media caption", payloads), credit: carrying("media credit", payloads), uploadedBy: person.id })
      .where(eq(schema.media.id, image.id));
    await tx.insert(schema.auditLog).values({ actorId: person.id, action: "settings_changed", targetType: "publication", targetId: carrying("audit target", payloads), note: carrying("audit note", payloads) });
    const previewToken = crypto.randomBytes(32).toString("base64url");
    await tx.insert(schema.shareLinks).values({ storyId: inReview.id, createdBy: person.id, tokenHash: tokenHash(previewToken), expiresAt: inAnHour });
    return { person, section, storyTag, live, page, inReview, scheduled, previewToken };
  });
  await bumpPublicVersion();
  return { ...world, searchWord, livePath: `/${world.section.slug}/${world.live.slug}`, pagePath: `/${world.page.slug}`, password: STAFF_PASSWORD };
}

/** The publication's name and description carry the batch too; the original is put back by `restore`. */
export async function putPayloadsInSettings(payloads: string[]) {
  const db = testDb(servers.newsroom);
  const [before] = await db.select().from(schema.publication);
  await db.update(schema.publication).set({ name: carrying("publication", payloads), description: carrying("description", payloads) });
  await bumpPublicVersion();
  return async () => {
    await db.update(schema.publication).set({ name: before.name, description: before.description }).where(eq(schema.publication.id, before.id));
    await bumpPublicVersion();
  };
}
