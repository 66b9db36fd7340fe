import { displaySrc } from "@/lib/media/file-names";
import { absoluteUrl } from "@/lib/media/public-url";

export const storyPath = (story: { sectionSlug: string; slug: string }) => `/${story.sectionSlug}/${story.slug}`;
export const sectionPath = (sectionSlug: string) => `/${sectionSlug}`;
/** Standing pages share the first path segment with sections; neither may take the other's slug. */
export const pagePath = (pageSlug: string) => `/${pageSlug}`;
export const authorPath = (authorSlug: string) => `/authors/${authorSlug}`;
export const tagPath = (tagSlug: string) => `/tags/${tagSlug}`;
export const imageSrc = (image: { id: string; width: number }) => displaySrc(image.id, image.width);
/** For feeds and metadata: absolute whether media come from this site or from MEDIA_PUBLIC_URL. */
export const absoluteImageUrl = (origin: string, image: { id: string; width: number }) => absoluteUrl(origin, imageSrc(image));

/**
 * The site's own origin as the reader reached it. Forwarded host and protocol only arrive here
 * when TRUST_PROXY allows them (scripts/next-server.ts drops them otherwise).
 */
export function requestOrigin(headers: Headers): string {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "";
  // Only a host name or address (with an optional port) goes into the URLs we print.
  return `${proto === "https" ? "https" : "http"}://${HOST.test(host) ? host.toLowerCase() : "localhost"}`;
}

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/i;
