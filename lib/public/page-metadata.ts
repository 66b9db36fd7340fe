import type { Metadata } from "next";
import type { PlacedImage } from "@/db/queries/media";
import { absoluteImageUrl } from "./urls";

export type SharedImage = { url: string; width: number; height: number; alt: string };

/** An image as og:image and twitter:image give it: absolute, with its size and words for it. */
export function sharedImage(image: PlacedImage, origin: string, alt: string): SharedImage {
  return { url: absoluteImageUrl(origin, image), width: image.width, height: image.height, alt };
}

/** The publication's default social image, for pages without an image of their own. */
export function defaultSharedImage(publication: { name: string; socialImage: PlacedImage | null }, origin: string): SharedImage | undefined {
  return publication.socialImage ? sharedImage(publication.socialImage, origin, publication.name) : undefined;
}

/** What a page says about itself when shared: the image makes a large card. */
export function sharingMetadata(page: { url: string; siteName: string; title: string; description: string; image: SharedImage | undefined }): Metadata {
  const images = page.image ? { images: [page.image] } : {};
  return {
    openGraph: { type: "website", url: page.url, siteName: page.siteName, title: page.title, description: page.description, ...images },
    twitter: { card: page.image ? "summary_large_image" : "summary", title: page.title, description: page.description, ...images },
  };
}

/** Title, description and canonical URL for a list page (page 1 has no `?page=`). */
export function listMetadata(options: {
  title: string;
  publication: { name: string; socialImage: PlacedImage | null };
  description: string;
  origin: string;
  path: string;
  page: number;
}): Metadata {
  const url = `${options.origin}${options.path}${options.page > 1 ? `?page=${options.page}` : ""}`;
  const title = `${options.title}${options.page > 1 ? ` (page ${options.page})` : ""} | ${options.publication.name}`;
  return {
    title: { absolute: title },
    description: options.description,
    alternates: { canonical: url },
    ...sharingMetadata({
      url,
      siteName: options.publication.name,
      title,
      description: options.description,
      image: defaultSharedImage(options.publication, options.origin),
    }),
  };
}
