import { describe, expect, it } from "vitest";
import { LIMITS, takeAttempt } from "@/lib/rate-limits";
import { isCountedSearch, searchLimitedPage } from "@/lib/search-limit";

describe("which requests count as a search", () => {
  it("a search with words to look for", () => {
    expect(isCountedSearch("GET", "/search?q=budget")).toBe(true);
    expect(isCountedSearch("HEAD", "/search?q=budget&page=2")).toBe(true);
    expect(isCountedSearch("GET", "/%73earch?q=budget")).toBe(true);
  });

  it("not an empty search, another page or another method", () => {
    expect(isCountedSearch("GET", "/search")).toBe(false);
    expect(isCountedSearch("GET", "/search?q=")).toBe(false);
    expect(isCountedSearch("GET", "/search?q=%20%00%09")).toBe(false);
    expect(isCountedSearch("GET", "/searching?q=budget")).toBe(false);
    expect(isCountedSearch("GET", "/politics/search?q=budget")).toBe(false);
    expect(isCountedSearch("POST", "/search?q=budget")).toBe(false);
    expect(isCountedSearch("GET", "/%E0%A4%A?q=budget")).toBe(false);
  });
});

describe("the search limit, per address, in Postgres", () => {
  it("lets 30 searches a minute through, then says how long to wait; other addresses search on", async () => {
    expect(LIMITS.search).toEqual({ points: 30, seconds: 60 });
    const address = `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`;
    for (let search = 0; search < LIMITS.search.points; search += 1) expect(await takeAttempt("search", address)).toBe(0);
    const wait = await takeAttempt("search", address);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await takeAttempt("search", `other-${crypto.randomUUID()}`)).toBe(0);
  });

  it("the refusal page says it in words", () => {
    expect(searchLimitedPage(42)).toContain("<p>Too many attempts. Try again in a minute.</p>");
  });
});
