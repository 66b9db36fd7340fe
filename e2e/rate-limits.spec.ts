import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { testImage } from "./support/story-editor-page";

test("the 61st upload within the hour gets 429, a Retry-After and a sentence", async ({ page }) => {
  test.slow(); // sixty real image uploads
  await signInAsNewStaff(page, "writer");
  await page.goto("/desk");
  const bytes = Array.from(await testImage(64));
  const answers = await page.evaluate(async (data) => {
    const results: { status: number; retryAfter: string | null; error?: string }[] = [];
    for (let attempt = 0; attempt < 61; attempt += 1) {
      const form = new FormData();
      form.append("file", new File([new Uint8Array(data)], "tiny.png", { type: "image/png" }));
      const response = await fetch("/api/uploads", { method: "POST", body: form });
      const body = await response.json();
      results.push({ status: response.status, retryAfter: response.headers.get("retry-after"), error: body.error });
    }
    return results;
  }, bytes);
  expect(answers.slice(0, 60).every((answer) => answer.status === 201)).toBe(true);
  const refused = answers[60];
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  expect(refused.error).toMatch(/^Too many attempts\. Try again in \d+ minutes\.$/);
});
