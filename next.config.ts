import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  experimental: {
    // Above lib/request-limits.ts, which refuses oversized bodies first with a clear 413.
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default nextConfig;
