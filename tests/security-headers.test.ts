import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

describe("security headers", () => {
  it("allow only nonce'd scripts and what they load, and no plugins, base rewrites or framing", () => {
    const policy = contentSecurityPolicy({ nonce: "abc", https: false, dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
  });

  it("promise HTTPS only when served over HTTPS", () => {
    expect(securityHeaders({ nonce: "n", https: false, dev: false })["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", https: true, dev: false })["strict-transport-security"]).toMatch(/max-age=\d+/);
  });
});
