import type { NextRequest } from "next/server";
import { requestOrigin } from "@/lib/public/urls";

export function GET(request: NextRequest): Response {
  const origin = requestOrigin(request.headers);
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /desk",
    "Disallow: /api/",
    "Disallow: /login",
    "Disallow: /setup",
    "Disallow: /invite/",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    `Sitemap: ${origin}/news-sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
