import { displaySrc } from "@/lib/media/file-names";
import { absoluteUrl } from "@/lib/media/public-url";

// Slugs may keep letters of other scripts ("東京"): every address we print is percent-encoded.
const segment = encodeURIComponent;
export const storyPath = (story: { sectionSlug: string; slug: string }) => `/${segment(story.sectionSlug)}/${segment(story.slug)}`;
export const sectionPath = (sectionSlug: string) => `/${segment(sectionSlug)}`;
/** Standing pages share the first path segment with sections; neither may take the other's slug. */
export const pagePath = (pageSlug: string) => `/${segment(pageSlug)}`;
export const authorPath = (authorSlug: string) => `/authors/${segment(authorSlug)}`;
export const tagPath = (tagSlug: string) => `/tags/${segment(tagSlug)}`;
export const imageSrc = (image: { id: string; width: number }) => displaySrc(image.id, image.width);
/** For feeds and metadata: absolute whether media come from this site or from MEDIA_PUBLIC_URL. */
export const absoluteImageUrl = (origin: string, image: { id: string; width: number }) => absoluteUrl(origin, imageSrc(image));
