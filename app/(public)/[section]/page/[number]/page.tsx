import { SectionFront, sectionFrontMetadata } from "../../section-front";

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: PageProps<"/[section]/page/[number]">) {
  return sectionFrontMetadata(await params);
}

export default async function SectionPageN({ params }: PageProps<"/[section]/page/[number]">) {
  return <SectionFront address={await params} />;
}
