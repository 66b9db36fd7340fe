import { Corrections, correctionsMetadata } from "./corrections-list";

export const generateMetadata = () => correctionsMetadata();

export default function CorrectionsPage() {
  return <Corrections />;
}
