import { pageOrigin } from "@/lib/public/page-origin";

export function GET(): Response {
  const origin = pageOrigin();
  const body = [
    "User-agent: *",
    "Allow: /",
    // Rules match by prefix: "/desk" alone would also hide a section called "desktop-computing".
    // "$" ends a rule (RFC 9309), so each private page is named exactly (and with "?" when it takes a
    // query), each private tree with its slash.
    "Disallow: /desk$",
    "Disallow: /desk/",
    "Disallow: /api/",
    "Disallow: /login$",
    "Disallow: /login?",
    "Disallow: /setup$",
    "Disallow: /forgot-password$",
    "Disallow: /unsubscribe$",
    "Disallow: /unsubscribe?",
    "Disallow: /invite/",
    "Disallow: /reset/",
    "Disallow: /preview/",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    `Sitemap: ${origin}/news-sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
