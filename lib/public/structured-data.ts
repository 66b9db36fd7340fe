import type { PublicStory } from "@/db/queries/public-stories";
import { authorPath, imageSrc, sectionPath, storyPath } from "./urls";

type Publication = { name: string; description: string };

/** schema.org NewsArticle and BreadcrumbList for a story page, all URLs absolute. */
export function storyStructuredData(story: PublicStory, publication: Publication, origin: string) {
  const url = `${origin}${storyPath(story)}`;
  const article = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.headline,
    description: story.seoDescription || story.dek,
    ...(story.image ? { image: [`${origin}${imageSrc(story.image)}`] } : {}),
    datePublished: story.publishedAt.toISOString(),
    dateModified: (story.updatedAt ?? story.publishedAt).toISOString(),
    author: story.bylines.map((byline) => ({ "@type": "Person", name: byline.displayName, url: `${origin}${authorPath(byline.slug)}` })),
    publisher: {
      "@type": "Organization",
      name: publication.name,
      url: `${origin}/`,
      logo: { "@type": "ImageObject", url: `${origin}/icon.svg` },
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
