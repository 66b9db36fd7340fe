import { expect, signInAsNewStaff, test } from "./support/fixtures";

const EVERY_RESPONSE = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function expectHardened(headers: Record<string, string>) {
  expect(headers).toMatchObject(EVERY_RESPONSE);
  expect(headers["permissions-policy"]).toContain("camera=()");
  const policy = headers["content-security-policy"];
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
    expect(policy).toContain(directive);
  }
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  // Served over plain HTTP here: no HSTS, which would be a promise about HTTPS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return nonce!;
}

test("a public page, an API route and an error page carry the security headers; each page gets its own nonce", async ({ request }) => {
  const home = await request.get("/");
  const nonce = expectHardened(home.headers());
  expect(await home.text()).toContain(`nonce="${nonce}"`);
  const again = expectHardened((await request.get("/")).headers());
  expect(again).not.toBe(nonce);

  expectHardened((await request.get("/api/health")).headers());
  const missing = await request.get("/no-such-page-anywhere");
  expect(missing.status()).toBe(404);
  const missingNonce = expectHardened(missing.headers());
  expect(await missing.text()).toContain(`nonce="${missingNonce}"`);
});

test("the desk works under the policy: the editor loads and saves with no violation", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const response = await page.goto("/desk/stories");
  expectHardened(response!.headers());
  await page.getByRole("button", { name: "New story" }).click();
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.type("Typed under a strict policy.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved \d\d:\d\d$/);
});
