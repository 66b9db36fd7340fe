import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, so its scripts carry the request's CSP nonce like every other page.
  await connection();
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-2 text-stone-600">There is nothing at this address.</p>
      <Link href="/" className="mt-6 inline-block underline">
        Go to the front page
      </Link>
    </main>
  );
}
