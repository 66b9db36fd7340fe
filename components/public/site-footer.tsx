export function SiteFooter({ name }: { name: string }) {
  return (
    <footer className="mt-16 border-t border-stone-300 dark:border-stone-700">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-stone-600 dark:text-stone-400">
        <p>{name}</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <a href="/corrections" className="underline">
              Corrections
            </a>
          </li>
          <li>
            <a href="/feed.xml" className="underline">
              RSS feed
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
