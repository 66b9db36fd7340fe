import { Corrections, correctionsMetadata } from "../../corrections-list";

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: PageProps<"/corrections/page/[number]">) {
  return correctionsMetadata((await params).number);
}

export default async function CorrectionsPageN({ params }: PageProps<"/corrections/page/[number]">) {
  return <Corrections number={(await params).number} />;
}
