import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { withNoncePolicy } from "@/lib/proxy/nonce-policy";
import { pageNeeds, publicPageHeaders, sharedCacheSeconds } from "@/lib/public/cache-policy";
import { contentSecurityPolicy } from "@/lib/security-headers";

describe("the content security policy", () => {
  it("allows a personal page's nonce'd scripts and what they load, and no plugins, base rewrites or framing", () => {
    const policy = contentSecurityPolicy({ nonce: "abc", dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toContain("frame-src");
  });

  it("allows a public page's own inline scripts by hash, and never 'unsafe-inline' for scripts", () => {
    const html = `<html><head><script src="/_next/static/a.js" async></script><script>self.__next_f.push([1,"x"])</script>
      <script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body><p>&lt;script&gt;not one&lt;/script&gt;</p></body></html>`;
    const { scriptHashes } = pageNeeds(html, () => false);
    // sha256 of exactly `self.__next_f.push([1,"x"])`; JSON-LD is data, not a script to allow.
    expect(scriptHashes).toEqual(["'sha256-G8L1SiKTJMbDlG4FGFKHgqgbC5cAhf7b3dVem2cCN2c='"]);
    const policy = publicPageHeaders(html, ["site", "home"], () => false)["content-security-policy"];
    expect(policy).toContain(`script-src 'self' ${scriptHashes[0]}`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain("nonce");
  });

  it("hashes each inline script's text exactly as a browser reads it, whatever the tag's spelling", () => {
    const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const html = `<div title="a > b" data-x='<script>no</script>'></div><SCRIPT type='module'>import("/a.js")</SCRIPT >
      <script type="application/json">{"not":"run"}</script><script async="" src="/b.js"></script><script>if (a < b) go()</script/>`;
    expect(pageNeeds(html, () => false).scriptHashes).toEqual([sha('import("/a.js")'), sha("if (a < b) go()")].sort());
  });

  it("allows exactly the frame origins of a page's embeds that the allowlist accepts", () => {
    const html = `<div data-embed-frame-src="https://www.youtube-nocookie.com/embed/abc"></div><div data-embed-frame-src="https://evil.test/x"></div>`;
    const allowed = (src: string) => src.startsWith("https://www.youtube-nocookie.com/");
    expect(pageNeeds(html, allowed).frameOrigins).toEqual(["https://www.youtube-nocookie.com"]);
    expect(publicPageHeaders(html, [], allowed)["content-security-policy"]).toContain("frame-src https://www.youtube-nocookie.com;");
  });
});

describe("the policy of pages for one person", () => {
  const policyAt = (path: string) => withNoncePolicy(new NextRequest(`http://localhost${path}`)).headers.get("content-security-policy") ?? "";

  it("lets a preview load its embeds' players when asked, and no other page frame anything", () => {
    expect(policyAt("/preview/a-share-token")).toMatch(/frame-src [^;]*https:\/\/www\.youtube-nocookie\.com/);
    expect(policyAt("/desk/stories/4f1c9a7e-0000-4000-8000-000000000001/preview")).toContain("frame-src https://");
    for (const path of ["/desk/stories/4f1c9a7e-0000-4000-8000-000000000001/edit", "/login", "/search"]) {
      expect(policyAt(path), path).not.toContain("frame-src");
      expect(policyAt(path), path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    }
  });
});

describe("shared caching of public pages", () => {
  it("names the page's tags for Varnish/Fastly and Cloudflare, and lets shared caches keep it", () => {
    const headers = publicPageHeaders("<p>x</p>", ["home", "site"], () => false);
    expect(headers["surrogate-key"]).toBe("home site");
    expect(headers["cache-tag"]).toBe("home,site");
    expect(headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  });

  it("keeps pages a day when a purge hook makes them fresh, a minute otherwise, or as configured", () => {
    expect(sharedCacheSeconds({ CACHE_PURGE_URL: "http://varnish/.masthead-purge" })).toBe(86_400);
    expect(sharedCacheSeconds({})).toBe(60);
    expect(sharedCacheSeconds({ PUBLIC_CACHE_SECONDS: "300" })).toBe(300);
  });
});
