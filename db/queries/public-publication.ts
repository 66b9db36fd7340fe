import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "../client";
import { builtOnce } from "./built-once";
import { media, publication } from "../schema";
import { type PlacedImage, placedImage } from "./media";

export type PublicState = {
  name: string;
  description: string;
  language: string;
  timezone: string;
  logo: PlacedImage | null;
  /** og:image and twitter:image of pages without an image of their own. */
  socialImage: PlacedImage | null;
  /** What public caches key on (see lib/public/versioned-cache.ts). */
  version: number;
};

const logo = alias(media, "logo");
const socialImage = alias(media, "social_image");

/**
 * The one query every public request makes: the publication's settings and its public version.
 * The images come along by primary key, so a changed logo needs no cache of its own.
 */
export async function readPublicState(): Promise<PublicState> {
  const [row] = await publicStateQuery().execute();
  if (!row) return { name: "Masthead", description: "", language: "en", timezone: "UTC", logo: null, socialImage: null, version: 0 };
  const { logoId, logoWidth, logoHeight, socialImageId, socialImageWidth, socialImageHeight, ...settings } = row;
  return {
    ...settings,
    logo: placedImage(logoId, logoWidth, logoHeight),
    socialImage: placedImage(socialImageId, socialImageWidth, socialImageHeight),
  };
}

const publicStateQuery = builtOnce("public_state", () =>
  db()
    .select({
      name: publication.name,
      description: publication.description,
      language: publication.language,
      timezone: publication.timezone,
      version: publication.publicVersion,
      logoId: publication.logoMediaId,
      logoWidth: logo.width,
      logoHeight: logo.height,
      socialImageId: publication.socialImageMediaId,
      socialImageWidth: socialImage.width,
      socialImageHeight: socialImage.height,
    })
    .from(publication)
    .leftJoin(logo, eq(publication.logoMediaId, logo.id))
    .leftJoin(socialImage, eq(publication.socialImageMediaId, socialImage.id))
    .where(eq(publication.id, 1)),
);
