import type { APIResponse } from "@playwright/test";
import { createStaff } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { servers } from "./support/servers";

test("over http, every cookie the sign-in sets is HttpOnly and SameSite=Lax, and the session works", async ({ page }) => {
  const person = await createStaff(servers.newsroom, "writer");
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(person.email, person.password);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();

  const cookies = await page.context().cookies();
  expect(cookies.map((cookie) => cookie.name)).toContain("authjs.session-token");
  for (const cookie of cookies) expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
});

type SetCookie = { name: string; value: string; attributes: string[] };
function setCookies(response: APIResponse): SetCookie[] {
  return response
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === "set-cookie")
    .map(({ value }) => {
      const [pair, ...attributes] = value.split(";").map((part) => part.trim());
      const [name, ...rest] = pair.split("=");
      return { name, value: rest.join("="), attributes: attributes.map((attribute) => attribute.toLowerCase()) };
    });
}

// The test servers trust one proxy (TRUST_PROXY=1), so X-Forwarded-Proto stands for the HTTPS a real
// proxy would terminate. A browser here would follow the https:// redirects to a port without TLS,
// so this talks to Auth.js's own sign-in endpoint and reads the Set-Cookie headers.
test("over https, the session cookie is also Secure and __Secure- prefixed, and the desk accepts it", async ({ request }) => {
  const person = await createStaff(servers.newsroom, "writer");
  const https = { "x-forwarded-proto": "https" };
  const csrf = await request.get("/api/auth/csrf", { headers: https });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = setCookies(csrf).find((cookie) => cookie.name.endsWith("authjs.csrf-token"))!;
  expect(csrfCookie.name).toBe("__Host-authjs.csrf-token");

  const signIn = await request.post("/api/auth/callback/credentials", {
    headers: { ...https, cookie: `${csrfCookie.name}=${csrfCookie.value}` },
    form: { email: person.email, password: person.password, csrfToken, callbackUrl: "/desk" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(302);
  const cookies = setCookies(signIn).filter((cookie) => cookie.value !== "");
  const session = cookies.find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session?.name).toBe("__Secure-authjs.session-token");
  for (const cookie of [csrfCookie, ...cookies]) {
    expect(cookie.name, "a prefix the browser enforces").toMatch(/^__(Secure|Host)-/);
    expect(cookie.attributes, cookie.name).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax"]));
  }

  // The desk's proxy must look for the session under the name HTTPS gives it.
  const desk = await request.get("/desk/stories", { headers: { ...https, cookie: `${session!.name}=${session!.value}` }, maxRedirects: 0 });
  expect(desk.status()).toBe(200);
  expect(await desk.text()).toContain(person.displayName);
});
