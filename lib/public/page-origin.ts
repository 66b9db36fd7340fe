/**
 * The origin in canonical, feed and sharing URLs: PUBLIC_URL, the same for every reader, so a page
 * is the same bytes whoever asks and a forged Host header cannot put a foreign address into it.
 */
export function pageOrigin(): string {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) return new URL(configured).origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}
