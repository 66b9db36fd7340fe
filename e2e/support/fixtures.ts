import crypto from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import type { Role } from "../../db/schema";
import { createStaff } from "./database";
import { servers } from "./servers";

/**
 * Every test presents its own client address (the servers run with TRUST_PROXY), so sign-in
 * throttling by address never spills from one test into another.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-forwarded-for": `2001:db8::${crypto.randomBytes(2).toString("hex")}:${crypto.randomBytes(2).toString("hex")}` });
  },
  // Every page a test opens in its context runs under the Content-Security-Policy; any violation
  // fails the test. Chromium prints most on the console, but some (a refused eval) only raise the
  // page's securitypolicyviolation event, so both are watched.
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding("__reportCspViolation", (_source, violation: string) => violations.push(violation));
      await context.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (event) =>
          (window as unknown as { __reportCspViolation: (violation: string) => void }).__reportCspViolation(
            `${event.violatedDirective} refused ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
          ),
        ),
      );
      const watch = (page: Page) =>
        page.on("console", (message) => {
          if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
        });
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    // Wait for the server's answer, so repeated attempts are each really made.
    const answered = this.page.waitForResponse((response) => response.request().method() === "POST");
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    // React resets the form once the action settles; typing before then would be wiped out.
    await this.page.waitForFunction(() => {
      const password = document.querySelector<HTMLInputElement>("input[name=password]");
      return !password || password.value === "";
    });
  }

  alert() {
    return this.page.locator("form").getByRole("alert");
  }
}

/** A staff member of the test's own, signed in on the newsroom server in this page. */
export async function signInAsNewStaff(page: Page, role: Role = "writer") {
  const person = await createStaff(servers.newsroom, role);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(person.email, person.password);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return person;
}
