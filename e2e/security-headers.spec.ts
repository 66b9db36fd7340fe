import crypto from "node:crypto";
import * as schema from "../db/schema";
import { createStaff, testDb } from "./support/database";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { bumpPublicVersion, insertStory } from "./support/public-site";
import { servers } from "./support/servers";

const EVERY_RESPONSE = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function expectHardened(headers: Record<string, string>, { https = false } = {}) {
  expect(headers).toMatchObject(EVERY_RESPONSE);
  expect(headers["permissions-policy"]).toContain("camera=()");
  const policy = headers["content-security-policy"];
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
    expect(policy).toContain(directive);
  }
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  // Over plain HTTP no HSTS, which would be a promise about HTTPS.
  if (https) expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  else expect(headers["strict-transport-security"]).toBeUndefined();
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

test("the upload API, a removed story's 410 and every kind of answer over HTTPS carry the security headers", async ({ request }) => {
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("not an image") } } });
  expect(upload.status()).toBeGreaterThanOrEqual(400);
  expect(upload.status()).toBeLessThan(500);
  expectHardened(upload.headers());
  expectHardened((await request.get("/api/uploads")).headers());

  // An address readers were given whose story is no longer public (as unpublishing leaves it).
  const writer = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: "Withdrawn ferry notice", authorId: writer.id, status: "draft" });
  const slug = `gone-${crypto.randomBytes(4).toString("hex")}`;
  await testDb(servers.newsroom).insert(schema.storyPaths).values({ sectionSlug: "news", slug, storyId: story.id });
  await bumpPublicVersion();
  const gone = await request.get(`/news/${slug}`);
  expect(gone.status()).toBe(410);
  const goneNonce = expectHardened(gone.headers());
  expect(await gone.text()).toContain(`nonce="${goneNonce}"`);

  // Behind the trusted proxy over HTTPS, every kind of answer also promises HTTPS for the future.
  const https = { "x-forwarded-proto": "https" };
  for (const path of ["/", "/desk", "/api/health", "/no-such-page-anywhere", `/news/${slug}`]) {
    expectHardened((await request.get(path, { headers: https, maxRedirects: 0 })).headers(), { https: true });
  }
});
