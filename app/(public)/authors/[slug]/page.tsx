import { AuthorFront, authorFrontMetadata } from "./author-page";

/** None at build: each page is rendered when first asked for, then kept (lib/page-cache/handler.ts). */
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: PageProps<"/authors/[slug]">) {
  return authorFrontMetadata(await params);
}

export default async function AuthorFrontRoute({ params }: PageProps<"/authors/[slug]">) {
  return <AuthorFront address={await params} />;
}
