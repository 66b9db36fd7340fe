import type { Metadata } from "next";
import { SiteFooter } from "@/components/public/site-footer";
import { SiteHeader } from "@/components/public/site-header";
import { pageOrigin } from "@/lib/public/page-origin";
import { defaultSharedImage } from "@/lib/public/page-metadata";
import { reads } from "@/lib/public/reads";
import { publicState } from "@/lib/public/state";

export async function generateMetadata(): Promise<Metadata> {
  const [publication, origin] = [await publicState(), pageOrigin()];
  // Pages that describe themselves for sharing replace these; the rest (search) keep the default image.
  const image = defaultSharedImage(publication, origin);
  return {
    metadataBase: new URL(origin),
    ...(image ? { openGraph: { images: [image] }, twitter: { card: "summary_large_image", images: [image] } } : {}),
    alternates: { types: { "application/rss+xml": [{ url: `${origin}/feed.xml`, title: publication.name }] } },
  };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const publication = await publicState();
  const [allSections, pages] = await Promise.all([reads.sections(publication.version), reads.pages(publication.version)]);
  const sections = allSections.filter((section) => !section.hidden);
  return (
    <div
      lang={publication.language}
      className="min-h-screen bg-paper text-ink dark:bg-stone-950 dark:text-stone-100 [&_:focus-visible]:outline-2 [&_:focus-visible]:outline-offset-2 [&_:focus-visible]:outline-accent dark:[&_:focus-visible]:outline-red-300"
    >
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
      >
        Skip to content
      </a>
      <SiteHeader name={publication.name} description={publication.description} logo={publication.logo} sections={sections} />
      <main id="content" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter name={publication.name} pages={pages} />
    </div>
  );
}
