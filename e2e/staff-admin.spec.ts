import { createStaff } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { servers } from "./support/servers";

test("an admin invites a writer, who joins once through the link; the admin changes roles and ends sessions", async ({ browser }) => {
  test.slow();
  const admin = await createStaff(servers.newsroom, "admin");
  const adminContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::7:1" } });
  const adminPage = await adminContext.newPage();
  await new LoginPage(adminPage).goto("/desk/admin/staff");
  await new LoginPage(adminPage).signIn(admin.email, admin.password);

  const email = `new-${Date.now()}@newsroom.test`;
  const invite = adminPage.getByRole("form", { name: "Invite staff" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption({ label: "Writer" });
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invitation for ${email} created`);
  const link = await invite.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(adminPage.getByRole("list", { name: "Open invitations" })).toContainText(email);

  const newcomerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::7:2" } });
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "Join the newsroom" })).toBeVisible();
  await newcomer.getByLabel("Name").fill("Noor Haddad");
  await newcomer.getByLabel("Password").fill("password1234");
  await newcomer.getByRole("button", { name: "Join" }).click();
  await expect(newcomer.locator("form").getByRole("alert")).toHaveText(/most common ones/);
  await newcomer.getByLabel("Password").fill("tide-tables-and-gulls");
  await newcomer.getByRole("button", { name: "Join" }).click();
  await expect(newcomer.getByTestId("signed-in-as")).toHaveText(/Noor Haddad\s*Writer/);

  // The link died with its first use.
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await secondPage.goto(link);
  await expect(secondPage.getByRole("heading", { name: "This invitation no longer works" })).toBeVisible();
  await second.close();

  // A promotion shows on the newcomer's very next request.
  await adminPage.reload();
  const row = adminPage.getByRole("row").filter({ hasText: email });
  await row.getByLabel("Role for Noor Haddad").selectOption({ label: "Editor" });
  await row.getByRole("button", { name: "Change role of Noor Haddad" }).click();
  await expect(row.getByRole("status")).toContainText(`${email} is now an editor.`);
  await newcomer.goto("/desk/review");
  await expect(newcomer.getByRole("heading", { name: "Review queue" })).toBeVisible();

  await row.getByRole("button", { name: "Sign Noor Haddad out everywhere" }).click();
  await expect(row.getByRole("status").filter({ hasText: "Signed out everywhere" })).toBeVisible();
  await newcomer.goto("/desk");
  await expect(newcomer).toHaveURL(/\/login\?notice=session-ended/);

  await adminContext.close();
  await newcomerContext.close();
});

test("a password reset link sets a new password once, and the old one stops working", async ({ browser }) => {
  const admin = await createStaff(servers.newsroom, "admin");
  const writer = await createStaff(servers.newsroom, "writer");
  const adminContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::7:3" } });
  const adminPage = await adminContext.newPage();
  await new LoginPage(adminPage).goto("/desk/admin/staff");
  await new LoginPage(adminPage).signIn(admin.email, admin.password);
  const row = adminPage.getByRole("row").filter({ hasText: writer.email });
  await row.getByRole("button", { name: `Create a password reset link for ${writer.displayName}` }).click();
  const link = await row.getByRole("textbox", { name: `Reset link for ${writer.displayName}` }).inputValue();

  const writerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::7:4" } });
  const writerPage = await writerContext.newPage();
  await writerPage.goto(link);
  await writerPage.getByLabel("Password").fill("short");
  await writerPage.getByRole("button", { name: "Set password" }).click();
  await expect(writerPage.locator("form").getByRole("alert")).toHaveText("Use a password of at least 12 characters.");
  await writerPage.getByLabel("Password").fill("a-brand-new-passphrase");
  await writerPage.getByRole("button", { name: "Set password" }).click();
  await expect(writerPage.getByTestId("signed-in-as")).toBeVisible();

  await writerPage.goto(link);
  await expect(writerPage.getByRole("heading", { name: "This reset link no longer works" })).toBeVisible();
  await writerContext.clearCookies();
  const login = new LoginPage(writerPage);
  await login.goto();
  await login.signIn(writer.email, writer.password);
  await expect(login.alert()).toHaveText("Wrong email or password.");
  await adminContext.close();
  await writerContext.close();
});

test("a writer edits their own profile and changes their password", async ({ page }) => {
  const writer = await createStaff(servers.newsroom, "writer");
  const login = new LoginPage(page);
  await login.goto("/desk/profile");
  await login.signIn(writer.email, writer.password);
  const profile = page.getByRole("form", { name: "Profile" });
  await profile.getByLabel("Display name").fill("Rosa Mendes");
  await profile.getByLabel("Author address").fill(`rosa-mendes-${Date.now()}`);
  await profile.getByLabel("Bio").fill("Covers the harbour and the council.");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Profile saved.");
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Rosa Mendes/);

  const password = page.getByRole("form", { name: "Change password" });
  await password.getByLabel("Current password").fill("not-my-password");
  await password.getByLabel("New password").fill("lighthouse-at-dawn");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("alert")).toHaveText("Your current password is not right.");
  await password.getByLabel("Current password").fill(writer.password);
  await password.getByLabel("New password").fill("lighthouse-at-dawn");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Password changed. Your other sessions have ended.");

  await page.getByRole("button", { name: "Sign out" }).click();
  // The profile has forms labelled "Email …" too: sign in only once the sign-in page is there.
  await expect(page).toHaveURL(/\/login/);
  await login.signIn(writer.email, writer.password);
  await expect(login.alert()).toHaveText("Wrong email or password.");
  await login.signIn(writer.email, "lighthouse-at-dawn");
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Rosa Mendes/);
});
