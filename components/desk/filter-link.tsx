import Link from "next/link";

/** One choice in a row of list filters; the current one is marked for people and for screen readers. */
export function FilterLink({ href, label, current }: { href: string; label: string; current: boolean }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-full border px-3 py-1 ${current ? "border-stone-900 bg-stone-900 text-white" : "border-stone-300 hover:bg-stone-100"}`}
    >
      {label}
    </Link>
  );
}
