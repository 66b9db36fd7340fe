import Link from "next/link";
import { connection } from "next/server";
import { getPublication } from "@/db/queries/publication";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const publication = await getPublication();
  return (
    <>
      <header className="border-b-4 border-double border-stone-800">
        <div className="mx-auto max-w-4xl px-4 py-6 text-center">
          <Link href="/" className="font-serif text-4xl font-bold tracking-tight">
            {publication.name}
          </Link>
          {publication.description && <p className="mt-1 text-sm text-stone-600">{publication.description}</p>}
        </div>
      </header>
      <main className="mx-auto max-w-4xl px-4 py-8">{children}</main>
    </>
  );
}
