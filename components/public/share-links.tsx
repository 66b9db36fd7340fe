/** Plain links to each service's own share page: no third-party script ever loads on our pages. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    { name: "Email", href: `mailto:?subject=${t}&body=${u}` },
    { name: "Bluesky", href: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${title} ${url}`)}` },
    { name: "X", href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ];
  return (
    <nav aria-label="Share this story" className="mt-10 text-sm">
      <p className="font-semibold">Share this story</p>
      <ul className="mt-2 flex flex-wrap gap-3">
        {links.map((link) => (
          <li key={link.name}>
            <a href={link.href} rel="noopener noreferrer" target="_blank" className="underline">
              {link.name}
              <span className="sr-only"> (opens in a new window)</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
