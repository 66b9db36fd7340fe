import { StandingPage } from "@/components/public/standing-page";
import { standingPageAt, standingPageMetadata } from "@/lib/public/standing-page";
import { SectionFront, sectionFrontMetadata } from "./section-front";

/** None at build: each front is rendered when first asked for, then kept (lib/page-cache/handler.ts). */
export const generateStaticParams = async () => [];

/** A section's front, or the standing page at that address (neither may take the other's slug). */
export async function generateMetadata({ params }: PageProps<"/[section]">) {
  const standing = await standingPageAt(params);
  return standing ? standingPageMetadata(standing) : sectionFrontMetadata(await params);
}

export default async function SectionPage({ params }: PageProps<"/[section]">) {
  const standing = await standingPageAt(params);
  if (standing) return <StandingPage {...standing} />;
  return <SectionFront address={await params} />;
}
