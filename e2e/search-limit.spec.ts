import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

/** A documentation-prefix address of this test's own (the servers trust X-Forwarded-For). */
const newAddress = () => `2001:db8:5ea7::${crypto.randomBytes(2).toString("hex")}:${crypto.randomBytes(2).toString("hex")}`;

test("the 31st search within a minute from one address gets 429, a Retry-After and a sentence; other addresses search on", async ({ page, request }) => {
  test.slow(); // thirty-one rendered searches
  const address = newAddress();
  const search = (query: string, from = address) => request.get(`/search?q=${encodeURIComponent(query)}`, { headers: { "x-forwarded-for": from } });

  for (let attempt = 1; attempt <= 30; attempt += 1) {
    expect((await search(`harbour ${attempt}`)).status(), `search ${attempt}`).toBe(200);
  }
  const refused = await search("harbour 31");
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused.headers()["content-security-policy"]).toContain("script-src");
  expect(await refused.text()).toContain("Too many attempts. Try again in a minute.");

  expect((await search("harbour", newAddress())).status()).toBe(200);
  // An empty search runs nothing, so it is neither counted nor refused.
  expect((await request.get("/search?q=%20", { headers: { "x-forwarded-for": address } })).status()).toBe(200);

  // What a person sees: a page that says it in words, and passes the accessibility checks.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  const answer = await page.goto("/search?q=harbour");
  expect(answer?.status()).toBe(429);
  await expect(page.getByRole("heading", { level: 1, name: "Too many searches" })).toBeVisible();
  await expect(page.getByText("Too many attempts. Try again in a minute.")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});
