import Link from "next/link";

/** The same for everyone, like the public pages it stands in for: cached with them, its scripts allowed by hash. */
export default function NotFound() {
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
