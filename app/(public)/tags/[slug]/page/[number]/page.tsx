import { TagFront, tagFrontMetadata } from "../../tag-page";

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: PageProps<"/tags/[slug]/page/[number]">) {
  return tagFrontMetadata(await params);
}

export default async function TagFrontRouteN({ params }: PageProps<"/tags/[slug]/page/[number]">) {
  return <TagFront address={await params} />;
}
