import { AuthorFront, authorFrontMetadata } from "../../author-page";

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: PageProps<"/authors/[slug]/page/[number]">) {
  return authorFrontMetadata(await params);
}

export default async function AuthorFrontRouteN({ params }: PageProps<"/authors/[slug]/page/[number]">) {
  return <AuthorFront address={await params} />;
}
