import path from "node:path";
import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // Public pages, kept with their headers and given only while the public version holds.
  cacheHandler: path.join(process.cwd(), "lib", "page-cache", "handler.ts"),
  cacheMaxMemorySize: 0,
  experimental: {
    // Above lib/request-limits.ts, which refuses oversized bodies first with a clear 413.
    serverActions: { bodySizeLimit: "2mb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
