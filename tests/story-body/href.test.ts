import { describe, expect, it } from "vitest";
import { isSafeHref } from "@/lib/story-body/href";
import { JAVASCRIPT_HREFS } from "./fixtures";

describe("isSafeHref", () => {
  it.each([
    "https://example.com",
    "http://example.com/path?q=1#frag",
    "HTTPS://EXAMPLE.COM/UPPER",
    "  https://example.com/padded  ",
    "https://example.com/a%20b?x=100%25",
    "https://example.com/search?q=a:b",
    "https://user@example.com/",
    "mailto:news@example.com",
    "MAILTO:news@example.com?subject=Tip",
    "tel:+1-555-0100",
    "/desk/stories",
    "/2024/05/story-slug",
    "#section-2",
    "?page=2",
    "stories/local",
    "./relative",
    "../up/one",
    "/search?q=time:10",
    "example.com/path",
    "/caf%C3%A9",
  ])("allows %j", (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it.each([
    ...JAVASCRIPT_HREFS,
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.com/file",
    "blob:https://example.com/uuid",
    "//evil.example",
    "//evil.example/path",
    " //evil.example",
    "/\t/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://example.com\\@evil.example",
    "%2F%2Fevil.example",
    "&sol;&sol;evil.example",
    "localhost:3000/path",
    "https://",
    "https:",
    "mailto:",
    "",
    "   ",
    "\u0000",
    `https://example.com/${"a".repeat(2030)}`,
    "&unknownentity;script:alert(1)",
    "%25%32%35%32%35%32%35%32%35%32%35%32%35%32%35%32%35%32%35%36Aavascript:alert(1)",
  ])("refuses %j", (href) => {
    expect(isSafeHref(href)).toBe(false);
  });

  it("accepts an href of exactly 2048 characters and refuses one more", () => {
    const base = "https://example.com/";
    expect(isSafeHref(base + "a".repeat(2048 - base.length))).toBe(true);
    expect(isSafeHref(base + "a".repeat(2049 - base.length))).toBe(false);
  });

  it("refuses values that are not strings", () => {
    expect(isSafeHref(null as unknown as string)).toBe(false);
    expect(isSafeHref({ toString: () => "https://example.com" } as unknown as string)).toBe(false);
  });
});
