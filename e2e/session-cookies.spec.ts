import { createStaff } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { servers } from "./support/servers";

// The test servers trust one proxy (TRUST_PROXY=1), so X-Forwarded-Proto stands for the HTTPS a
// real proxy would terminate. Chromium keeps Secure cookies for localhost, so the browser can hold them.
for (const scheme of ["http", "https"] as const) {
  test(`over ${scheme}, every cookie the sign-in sets is HttpOnly and SameSite=Lax${scheme === "https" ? ", Secure and prefixed" : ""}; the session works`, async ({ browser }) => {
    const person = await createStaff(servers.newsroom, "writer");
    const context = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": `2001:db8::c0:${scheme === "https" ? 2 : 1}`, ...(scheme === "https" && { "x-forwarded-proto": "https" }) },
    });
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(person.email, person.password);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();

    const cookies = await context.cookies();
    const session = cookies.find((cookie) => /authjs\.session-token$/.test(cookie.name));
    expect(session?.name).toBe(scheme === "https" ? "__Secure-authjs.session-token" : "authjs.session-token");
    for (const cookie of cookies) {
      expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: scheme === "https" });
      if (scheme === "https") expect(cookie.name, "a prefix the browser enforces").toMatch(/^__(Secure|Host)-/);
    }

    // The proxy in front of the desk must find the session under the cookie name this scheme uses.
    const response = await page.goto("/desk/stories");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/desk\/stories$/);
    await context.close();
  });
}
