import type { PlacedImage } from "@/db/queries/media";
import type { PublicAuthor } from "@/db/queries/public-lookups";
import type { PublicPage } from "@/db/queries/public-pages";
import type { PublicStory } from "@/db/queries/public-stories";
import { absoluteImageUrl, authorPath, pagePath, sectionPath, storyPath } from "./urls";

type Publication = { name: string; description: string; logo: PlacedImage | null };

/** The uploaded logo when there is one, else the site's icon. */
function publisherLogo(publication: Publication, origin: string) {
  const { logo } = publication;
  if (!logo) return { "@type": "ImageObject", url: `${origin}/icon.svg` };
  return { "@type": "ImageObject", url: absoluteImageUrl(origin, logo), width: logo.width, height: logo.height };
}

/** schema.org ProfilePage about a Person for an author page, all URLs absolute. */
export function authorStructuredData(author: PublicAuthor, publication: Publication, origin: string) {
  const url = `${origin}${authorPath(author.slug)}`;
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url,
    mainEntity: {
      "@type": "Person",
      name: author.displayName,
      url,
      ...(author.bio ? { description: author.bio } : {}),
      ...(author.avatar ? { image: absoluteImageUrl(origin, author.avatar) } : {}),
      worksFor: { "@type": "Organization", name: publication.name, url: `${origin}/` },
    },
  };
}

/** schema.org WebPage for a standing page (About, Ethics policy…): not news, so no NewsArticle. */
export function pageStructuredData(page: PublicPage, publication: Publication, origin: string) {
  const url = `${origin}${pagePath(page.slug)}`;
  return {
    "@context": "https://schema.org",
    "@type": "WebPage",
    url,
    name: page.seoTitle || page.headline,
    description: page.seoDescription || page.dek,
    datePublished: page.publishedAt.toISOString(),
    dateModified: (page.updatedAt ?? page.publishedAt).toISOString(),
    isPartOf: { "@type": "WebSite", name: publication.name, url: `${origin}/` },
    publisher: { "@type": "Organization", name: publication.name, url: `${origin}/`, logo: publisherLogo(publication, origin) },
  };
}

/** schema.org NewsArticle and BreadcrumbList for a story page, all URLs absolute. */
export function storyStructuredData(story: PublicStory, publication: Publication, origin: string) {
  const url = `${origin}${storyPath(story)}`;
  const article = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.headline,
    description: story.seoDescription || story.dek,
    ...(story.image ? { image: [absoluteImageUrl(origin, story.image)] } : {}),
    datePublished: story.publishedAt.toISOString(),
    dateModified: (story.updatedAt ?? story.publishedAt).toISOString(),
    author: story.bylines.map((byline) => ({ "@type": "Person", name: byline.displayName, url: `${origin}${authorPath(byline.slug)}` })),
    publisher: {
      "@type": "Organization",
      name: publication.name,
      url: `${origin}/`,
      logo: publisherLogo(publication, origin),
    },
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    articleSection: story.sectionName,
    keywords: story.tags.map((tag) => tag.name),
    wordCount: story.wordCount,
  };
  const breadcrumbs = {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [
      { "@type": "ListItem", position: 1, name: publication.name, item: `${origin}/` },
      { "@type": "ListItem", position: 2, name: story.sectionName, item: `${origin}${sectionPath(story.sectionSlug)}` },
      { "@type": "ListItem", position: 3, name: story.headline, item: url },
    ],
  };
  return [article, breadcrumbs];
}
