"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-stone-600">The page could not be shown. Try again, or come back in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 underline">
        Try again
      </button>
    </main>
  );
}
