import { createStaff } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { servers } from "./support/servers";

/** Ways to name another site (or a script) where a same-origin path is expected. */
const ELSEWHERE = [
  "https://evil.test/desk",
  "HTTPS://evil.test",
  "//evil.test",
  "///evil.test",
  "/\\evil.test",
  "\\/evil.test",
  "/.//evil.test",
  "/desk/..//evil.test",
  "/%2e//evil.test",
  "%2F%2Fevil.test",
  "/\t/evil.test",
  "/\n/evil.test",
  " //evil.test",
  "https:evil.test",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
];

const ORIGIN = `http://localhost:${servers.newsroom.port}`;

/** Where a redirect answer sends the browser, resolved the way a browser would. */
function target(location: string | undefined) {
  return new URL(location ?? "", ORIGIN);
}

test(`signing in with callbackUrl set to any of ${ELSEWHERE.length} other places ends on our own desk`, async ({ browser }) => {
  test.slow();
  const person = await createStaff(servers.newsroom, "writer");
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::0e:1" } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const login = new LoginPage(page);
  for (const callbackUrl of ELSEWHERE) {
    await context.clearCookies();
    await login.goto(callbackUrl);
    await login.signIn(person.email, person.password);
    await expect(page.getByTestId("signed-in-as"), callbackUrl).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(ORIGIN);
  }

  // Someone already signed in is sent on at once from /login: the same rule applies there.
  for (const callbackUrl of ELSEWHERE) {
    await login.goto(callbackUrl);
    await expect(page.getByTestId("signed-in-as"), callbackUrl).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(ORIGIN);
  }
  expect(dialogs).toEqual([]);
  await context.close();
});

test("the redirect answers themselves never point at another origin", async ({ request }) => {
  test.slow();
  // Signed out, the desk sends people to sign in with the path they asked for, and only the path.
  for (const path of ["/desk//evil.test", "/desk/%2F%2Fevil.test", "/desk/..%2F..%2F%2Fevil.test", "/desk?next=https://evil.test"]) {
    // Next may first tidy the path (308); every hop stays here and ends at sign-in with a path.
    let location = new URL(path, ORIGIN);
    for (let hop = 0; hop < 3 && location.pathname !== "/login"; hop++) {
      const response = await request.get(`${location.pathname}${location.search}`, { maxRedirects: 0 });
      expect([307, 308], path).toContain(response.status());
      location = target(response.headers().location);
      expect(location.origin, path).toBe(ORIGIN);
    }
    expect(location.pathname, path).toBe("/login");
    expect(location.searchParams.get("callbackUrl"), path).toMatch(/^\/desk/);
  }
  // Auth.js's own endpoints take callbackUrl as a parameter and as a cookie.
  for (const callbackUrl of ELSEWHERE) {
    for (const asked of [
      request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 }),
      request.get("/api/auth/signin", { maxRedirects: 0, headers: { cookie: `authjs.callback-url=${encodeURIComponent(callbackUrl)}` } }),
    ]) {
      const response = await asked;
      expect(response.status(), callbackUrl).toBeLessThan(500);
      if (response.headers().location) expect(target(response.headers().location).origin, callbackUrl).toBe(ORIGIN);
    }
  }
});
