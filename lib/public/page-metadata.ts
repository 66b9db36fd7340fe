import type { Metadata } from "next";

/** Title, description and canonical URL for a list page (page 1 has no `?page=`). */
export function listMetadata(options: { title: string; publicationName: string; description: string; origin: string; path: string; page: number }): Metadata {
  const url = `${options.origin}${options.path}${options.page > 1 ? `?page=${options.page}` : ""}`;
  const title = `${options.title}${options.page > 1 ? ` (page ${options.page})` : ""} | ${options.publicationName}`;
  return {
    title: { absolute: title },
    description: options.description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, siteName: options.publicationName, title, description: options.description },
    twitter: { card: "summary", title, description: options.description },
  };
}
