import { displaySrc } from "@/lib/media/file-names";

export const storyPath = (story: { sectionSlug: string; slug: string }) => `/${story.sectionSlug}/${story.slug}`;
export const sectionPath = (sectionSlug: string) => `/${sectionSlug}`;
export const authorPath = (authorSlug: string) => `/authors/${authorSlug}`;
export const tagPath = (tagSlug: string) => `/tags/${tagSlug}`;
export const imageSrc = (image: { id: string; width: number }) => displaySrc(image.id, image.width);

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
