import { displaySrc } from "@/lib/media/file-names";
import { absoluteUrl } from "@/lib/media/public-url";

export const storyPath = (story: { sectionSlug: string; slug: string }) => `/${story.sectionSlug}/${story.slug}`;
export const sectionPath = (sectionSlug: string) => `/${sectionSlug}`;
export const authorPath = (authorSlug: string) => `/authors/${authorSlug}`;
export const tagPath = (tagSlug: string) => `/tags/${tagSlug}`;
export const imageSrc = (image: { id: string; width: number }) => displaySrc(image.id, image.width);
/** For feeds and metadata: absolute whether media come from this site or from MEDIA_PUBLIC_URL. */
export const absoluteImageUrl = (origin: string, image: { id: string; width: number }) => absoluteUrl(origin, imageSrc(image));
