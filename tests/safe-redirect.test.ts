import { describe, expect, it } from "vitest";
import { isOwnReturnAddress, safeCallbackPath } from "@/lib/safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/desk/admin/staff", "/desk/admin/staff"],
    ["/desk?tab=mine#top", "/desk?tab=mine#top"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/desk",
    "//evil.example/desk",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\/evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/desk/..//evil.example",
    "/%2e//evil.example",
    "%2F%2Fevil.example",
    "https:/\\evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "desk",
    "",
    undefined,
    ["/desk", "//evil.example"],
  ])("falls back to /desk for %j", (input) => {
    expect(safeCallbackPath(input)).toBe("/desk");
  });
});

describe("isOwnReturnAddress", () => {
  it.each(["/desk", "/desk/stories?tab=mine", "http://news.test/desk", "https://news.test/"])("accepts %j on news.test", (value) => {
    expect(isOwnReturnAddress(value, "news.test")).toBe(true);
  });

  it.each(["https://evil.test/desk", "//evil.test", "\\/evil.test", "/.//evil.test", "https://news.test//evil.test", "javascript:alert(1)", "ftp://news.test/", "https://news.test.evil.test/"])(
    "refuses %j on news.test",
    (value) => {
      expect(isOwnReturnAddress(value, "news.test")).toBe(false);
    },
  );
});
