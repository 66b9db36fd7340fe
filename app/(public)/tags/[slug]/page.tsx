import { TagFront, tagFrontMetadata } from "./tag-page";

/** None at build: each page is rendered when first asked for, then kept (lib/page-cache/handler.ts). */
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: PageProps<"/tags/[slug]">) {
  return tagFrontMetadata(await params);
}

export default async function TagFrontRoute({ params }: PageProps<"/tags/[slug]">) {
  return <TagFront address={await params} />;
}
