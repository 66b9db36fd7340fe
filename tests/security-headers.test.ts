import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, nonceFromPolicy, securityHeaders, withNonce } from "@/lib/security-headers";

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

describe("cached HTML and per-request nonces", () => {
  it("gives every nonce attribute of a rendered page the request's own nonce", () => {
    const html = `<script nonce="OLDold1+/=">a()</script><p>nonce=&quot;OLDold1+/=&quot; as a story could print it</p><script nonce="OLDold1+/=" src="/x.js"></script>`;
    const fresh = withNonce(html, "NEW2");
    expect(fresh).not.toContain('nonce="OLDold1+/="');
    expect(fresh.match(/nonce="NEW2"/g)).toHaveLength(2);
    expect(fresh).toContain("nonce=&quot;OLDold1+/=&quot; as a story could print it");
    expect(nonceFromPolicy("script-src 'self' 'nonce-NEW2' 'strict-dynamic'")).toBe("NEW2");
    expect(nonceFromPolicy(null)).toBeNull();
    expect(withNonce("<p>no scripts</p>", "NEW2")).toBe("<p>no scripts</p>");
  });
});
