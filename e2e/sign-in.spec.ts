import { createStaff } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, servers } from "./support/servers";

test("a signed-out visitor to the desk is sent to sign in", async ({ page }) => {
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk$/);
  await expect(page.getByRole("heading", { name: "Sign in to the desk" })).toBeVisible();
});

test("a writer signs in, sees their desk with name and role, and signs out", async ({ page }) => {
  const login = new LoginPage(page);
  await page.goto("/desk");
  await login.signIn("writer@newsroom.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole("heading", { name: "Welcome, Wren Calloway" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Wren Calloway\s*Writer/);
  await expect(page.getByRole("link", { name: "Staff" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/login/);
});

test("editors and admins see their own role", async ({ page }) => {
  const login = new LoginPage(page);
  for (const [email, name, role] of [
    ["editor@newsroom.test", "Idris Achterberg", "Editor"],
    ["admin@newsroom.test", "Mara Quill", "Admin"],
  ]) {
    await login.goto();
    await login.signIn(email, DEMO_PASSWORD);
    await expect(page.getByTestId("signed-in-as")).toHaveText(new RegExp(`${name}\\s*${role}`));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
  }
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn("writer@newsroom.test", "not-the-password");
  await expect(login.alert()).toHaveText("Wrong email or password.");
  await login.signIn("nobody-here@newsroom.test", DEMO_PASSWORD);
  await expect(login.alert()).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("the 11th failed sign-in in the window is refused even with the right password", async ({ page }) => {
  const person = await createStaff(servers.newsroom);
  const login = new LoginPage(page);
  await login.goto();
  for (let attempt = 1; attempt <= 10; attempt++) {
    await login.signIn(person.email, `wrong-password-${attempt}`);
    await expect(login.alert()).toHaveText("Wrong email or password.");
  }
  await login.signIn(person.email, person.password);
  await expect(login.alert()).toHaveText(/Too many failed sign-in attempts\. Try again in 1[45] minutes\./);
  await expect(page).toHaveURL(/\/login/);
});

test("after signing in, a person returns to the page they asked for, but never to another site", async ({ page }) => {
  const admin = await createStaff(servers.newsroom, "admin");
  const login = new LoginPage(page);
  await page.goto("/desk/admin/staff");
  await login.signIn(admin.email, admin.password);
  await expect(page).toHaveURL(/\/desk\/admin\/staff$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await login.goto("https://evil.example/phish");
  await login.signIn(admin.email, admin.password);
  await expect(page).toHaveURL(/localhost:\d+\/desk$/);
});

test("bad sign-in input gets a clear message and never an error page", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn("not-an-email", "whatever");
  await expect(login.alert()).toHaveText("Enter a valid email address.");
  await login.signIn("' OR '1'='1'; --@newsroom.test", "' OR '1'='1");
  await expect(login.alert()).toHaveText("Enter a valid email address.");
  await login.signIn("rédaction@nouvelles.test", "mot de passe");
  await expect(login.alert()).toHaveText("Enter a valid email address.");
  await login.signIn("writer@newsroom.test", "mot de passe 🔑 ünïcødé");
  await expect(login.alert()).toHaveText("Wrong email or password.");

  // The field stops a person at 254 characters; a crafted form gets past that and still gets an answer.
  await expect(page.getByLabel("Email")).toHaveAttribute("maxlength", "254");
  await page.getByLabel("Email").evaluate((input: HTMLInputElement) => {
    input.removeAttribute("maxlength");
    input.value = `${"a".repeat(10_000)}@newsroom.test`;
  });
  await page.getByLabel("Password").fill("whatever");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(login.alert()).toHaveText("That email address is too long.");
});

test("an oversized request body is refused with 413 and a plain message", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { "content-type": "text/plain;charset=UTF-8", "next-action": "0".repeat(40) },
    data: "x".repeat(2 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toBe("The request is too large: the limit is 1024 KB.");
});

test("the Auth.js endpoint answers malformed sign-in bodies without a server error", async ({ request }) => {
  const bodies = [
    { headers: { "content-type": "application/json" }, data: "{not json" },
    { headers: { "content-type": "application/x-www-form-urlencoded" }, data: `email=${"x".repeat(10_000)}&password=1&extra=2` },
    { headers: { "content-type": "text/plain" }, data: "\u0000\u0001garbage" },
  ];
  for (const body of bodies) {
    const response = await request.post("/api/auth/callback/credentials", { ...body, maxRedirects: 0 });
    expect(response.status()).toBeLessThan(500);
  }
});
