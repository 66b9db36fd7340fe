import path from "node:path";
import type { NextConfig } from "next";
import { NOTHING_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // Public pages, kept with their headers and given only while the public version holds
  // (lib/page-cache/handler.ts, compiled by scripts/compile-server.ts).
  cacheHandler: path.join(process.cwd(), ".masthead", "page-cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  experimental: {
    // Above lib/request-limits.ts, which refuses oversized bodies first with a clear 413.
    serverActions: { bodySizeLimit: "2mb" },
  },
  async headers() {
    const every = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    // Answers that are not pages run nothing and embed nothing.
    const inert = [{ key: "content-security-policy", value: NOTHING_POLICY }];
    return [
      { source: "/:path*", headers: every },
      { source: "/api/:path*", headers: inert },
      { source: "/media/:path*", headers: inert },
    ];
  },
};

export default nextConfig;
