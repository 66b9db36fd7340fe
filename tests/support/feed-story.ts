import type { FeedStory } from "@/db/queries/public-stories";

/** A published story as feeds get it, with awkward text in every field that must be escaped. */
export const feedStory: FeedStory = {
  id: "4f1c9a7e-0000-4000-8000-000000000001",
  headline: "Tides & <tempests> ]]> at the quay",
  dek: "Dek",
  slug: "tides",
  sectionSlug: "news",
  sectionName: "News",
  publishedAt: new Date("2026-11-20T10:00:00Z"),
  updatedAt: null,
  image: { id: "4f1c9a7e-0000-4000-8000-00000000000a", width: 1200, height: 720, alt: "The quay", caption: "", credit: "" },
  imageFile: { mimeType: "image/png", bytes: 1234 },
  bylines: [
    { id: "4f1c9a7e-0000-4000-8000-0000000000b1", displayName: "Wren Calloway", slug: "wren-calloway" },
    { id: "4f1c9a7e-0000-4000-8000-0000000000b2", displayName: "Idris Achterberg", slug: "idris-achterberg" },
  ],
  bodyHtml: '<p>Body with ]]> inside and <a href="/news/other">a link</a> and a \u0001 control.</p>',
  seoDescription: "SEO description",
  tags: ["Weather", "Harbour"],
};
