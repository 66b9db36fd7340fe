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

/**
 * Pages for one person carry a fresh nonce; public pages, the same for every reader, their own
 * scripts' hashes; answers that are not pages (the API, media) a policy that allows nothing.
 */
type Scripts = "nonce" | "hashes" | "nothing";

function expectHardened(headers: Record<string, string>, scripts: Scripts, { https = false } = {}) {
  expect(headers).toMatchObject(EVERY_RESPONSE);
  expect(headers["permissions-policy"]).toContain("camera=()");
  const policy = headers["content-security-policy"];
  expect(policy).toContain("frame-ancestors 'none'");
  if (scripts === "nothing") expect(policy).toContain("default-src 'none'");
  else for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'"]) expect(policy).toContain(directive);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1];
  if (scripts === "nonce") expect(nonce).toBeTruthy();
  if (scripts === "hashes") expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  // Over plain HTTP no HSTS, which would be a promise about HTTPS.
  if (https) expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  else expect(headers["strict-transport-security"]).toBeUndefined();
  return nonce;
}

test("public pages and error pages carry the security headers with their scripts' hashes; API routes a policy allowing nothing", async ({ request }) => {
  const home = await request.get("/");
  expectHardened(home.headers(), "hashes");
  expect(await home.text()).not.toContain("nonce=");

  expectHardened((await request.get("/api/health")).headers(), "nothing");
  const missing = await request.get("/no-such-page-anywhere");
  expect(missing.status()).toBe(404);
  expectHardened(missing.headers(), "hashes");
  const unrouted = await request.get("/no/such/page/anywhere");
  expect(unrouted.status()).toBe(404);
  expectHardened(unrouted.headers(), "hashes");
});

test("a page for one person gets its own nonce on every request", async ({ request }) => {
  const first = await request.get("/login");
  const nonce = expectHardened(first.headers(), "nonce");
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  expect(expectHardened((await request.get("/login")).headers(), "nonce")).not.toBe(nonce);
});

test("the desk works under the policy: the editor loads and saves with no violation", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const response = await page.goto("/desk/stories");
  expectHardened(response!.headers(), "nonce");
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
  expectHardened(upload.headers(), "nothing");
  expectHardened((await request.get("/api/uploads")).headers(), "nothing");

  // An address readers were given whose story is no longer public (as unpublishing leaves it).
  const writer = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: "Withdrawn ferry notice", authorId: writer.id, status: "draft" });
  const slug = `gone-${crypto.randomBytes(4).toString("hex")}`;
  await testDb(servers.newsroom).insert(schema.storyPaths).values({ sectionSlug: "news", slug, storyId: story.id });
  await bumpPublicVersion();
  const gone = await request.get(`/news/${slug}`);
  expect(gone.status()).toBe(410);
  expectHardened(gone.headers(), "hashes");

  // Behind the trusted proxy over HTTPS, every kind of answer also promises HTTPS for the future.
  const https = { "x-forwarded-proto": "https" };
  const kinds: [string, Scripts][] = [["/", "hashes"], ["/login", "nonce"], ["/api/health", "nothing"], ["/no-such-page-anywhere", "hashes"], [`/news/${slug}`, "hashes"]];
  for (const [path, scripts] of kinds) {
    expectHardened((await request.get(path, { headers: https, maxRedirects: 0 })).headers(), scripts, { https: true });
  }
});
