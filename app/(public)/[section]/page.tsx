import { SectionFront, sectionFrontMetadata } from "./section-front";

/** None at build: each front is rendered when first asked for, then kept (lib/page-cache/handler.ts). */
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: PageProps<"/[section]">) {
  return sectionFrontMetadata(await params);
}

export default async function SectionPage({ params }: PageProps<"/[section]">) {
  return <SectionFront address={await params} />;
}
