import type { APIResponse } from "@playwright/test";
import { recordActionRequest, replay } from "./support/action-requests";
import { LoginPage, expect, signInAsNewStaff, test } from "./support/fixtures";
import { servers } from "./support/servers";

const ORIGIN = `http://localhost:${servers.newsroom.port}`;

/** A refusal people can read: the expected 4xx, and nothing of the server's insides. */
async function expectPlainRefusal(response: APIResponse, status: number | RegExp, what: string) {
  if (typeof status === "number") expect(response.status(), what).toBe(status);
  else expect(String(response.status()), what).toMatch(status);
  const body = await response.text();
  expect(body, what).not.toMatch(/\n\s+at |node_modules|webpack|\.tsx?:\d+/);
  return body;
}

test("the upload route answers malformed, mistyped and oversized bodies with 4xx and a sentence", async ({ page }) => {
  await signInAsNewStaff(page, "writer");
  const post = (headers: Record<string, string>, data: string | Buffer) => page.request.post("/api/uploads", { headers: { origin: ORIGIN, ...headers }, data });

  const json = await expectPlainRefusal(await post({ "content-type": "application/json" }, "{not json"), 415, "JSON");
  expect(JSON.parse(json).error).toMatch(/multipart\/form-data/);
  await expectPlainRefusal(await post({ "content-type": "text/plain" }, "hello"), 415, "text");
  await expectPlainRefusal(await post({}, Buffer.from([0, 1, 2, 3])), 415, "no content type");
  const broken = await expectPlainRefusal(await post({ "content-type": "multipart/form-data; boundary=xyz" }, "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nunterminated"), 400, "broken multipart");
  expect(JSON.parse(broken).error).toMatch(/malformed or incomplete/);
  const empty = await expectPlainRefusal(await post({ "content-type": "multipart/form-data; boundary=xyz" }, "--xyz--\r\n"), 400, "no file");
  expect(JSON.parse(empty).error).toMatch(/no file/);
  const notImage = await page.request.post("/api/uploads", { headers: { origin: ORIGIN }, multipart: { file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") } } });
  await expectPlainRefusal(notImage, 422, "not an image");
  const huge = await page.request.post("/api/uploads", { headers: { origin: ORIGIN, "content-type": "multipart/form-data; boundary=xyz" }, data: Buffer.alloc(22 * 1024 * 1024) });
  expect(await expectPlainRefusal(huge, 413, "oversized")).toMatch(/too large/);
});

test("routes without a body answer other methods and junk with 4xx, never a server error", async ({ request }) => {
  for (const path of ["/api/health", "/feed.xml", "/sitemap.xml", "/news/some-story", "/robots.txt"]) {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await request.fetch(path, { method, headers: { "content-type": "application/json" }, data: "{not json", maxRedirects: 0 });
      await expectPlainRefusal(response, /^4\d\d$/, `${method} ${path}`);
    }
  }
  const oversized = await request.post("/api/health", { headers: { "content-type": "application/json" }, data: "x".repeat(2 * 1024 * 1024) });
  expect(await expectPlainRefusal(oversized, 413, "oversized")).toBe("The request is too large: the limit is 1024 KB.");
});

test("a server action posted with garbage answers in words, with 400 or 415 when it cannot be decoded, never with a stack", async ({ page, request }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByLabel("Email").fill("nobody@newsroom.test");
  await page.getByLabel("Password").fill("whatever-it-is");
  const signIn = await recordActionRequest(page, () => page.getByRole("button", { name: "Sign in" }).click());

  // Bodies React can decode but that hold no form: the action itself must answer, in words.
  // (The form itself went as multipart; a list of arguments goes as text, as React sends it for calls.)
  const asArguments = { ...signIn, headers: { ...signIn.headers, "content-type": "text/plain;charset=UTF-8" } };
  for (const body of ["[]", "[1, 2]", '[{}, "email=a@b.test"]', '[null, {"entries": 1}]']) {
    const response = await replay(request, asArguments, null, body);
    expect(await expectPlainRefusal(response, 200, body)).toContain("Enter a valid email address.");
  }
  // Bodies React could not decode are answered before Next sees them (lib/action-body.ts), in words.
  const garbage: Array<[string, string, number, string]> = [
    ["text/plain;charset=UTF-8", "{not json", 400, "broken JSON"],
    ["text/plain;charset=UTF-8", "[".repeat(50_000), 400, "deep nesting"],
    ["text/plain;charset=UTF-8", '"not a list"', 400, "not a list"],
    ["text/plain;charset=UTF-8", '{"__proto__": {"polluted": 1}, "then": "$1:then"}', 400, "prototype keys"],
    ["multipart/form-data; boundary=xyz", "--xyz\r\nbroken", 400, "broken multipart"],
    ["application/json", "\u0000\u0001\u0002", 415, "control bytes"],
    ["application/x-www-form-urlencoded", "%%%=%%%", 415, "bad percent-encoding"],
  ];
  for (const [contentType, body, status, what] of garbage) {
    const response = await replay(request, { ...signIn, headers: { ...signIn.headers, "content-type": contentType } }, null, body);
    expect(await expectPlainRefusal(response, status, what)).toMatch(/^The (action's arguments|form data)|^Send the form/);
  }
  const unknownAction = await replay(request, { ...signIn, headers: { ...signIn.headers, "next-action": "f".repeat(42) } }, null);
  await expectPlainRefusal(unknownAction, /^[2-4]\d\d$/, "unknown action id");
});
