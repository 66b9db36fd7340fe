import * as schema from "../db/schema";
import { headerLine } from "../tests/support/smtp-sink";
import { createStaff, testDb } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mailbox";
import { servers } from "./support/servers";

const origin = `http://localhost:${servers.newsroom.port}`;

function linkIn(text: string | undefined, path: string): string {
  const link = text?.match(new RegExp(`${origin}${path}[A-Za-z0-9_-]{43}`))?.[0];
  if (!link) throw new Error(`No ${path} link in: ${text}`);
  return link;
}

test("a writer who forgot their password sets a new one with nothing but their inbox", async ({ page }) => {
  const writer = await createStaff(servers.newsroom, "writer");
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(writer.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toHaveText(/^If an account exists for that address, we have sent a link/);

  const email = await waitForEmail(writer.email, /^Reset your password$/);
  expect(email.mail.html).toContain(`href="${linkIn(email.mail.text, "/reset/")}"`);
  const link = linkIn(email.mail.text, "/reset/");
  await page.goto(link);
  await page.getByLabel("New password").fill("gulls-over-the-harbour");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(writer.displayName);

  await waitForEmail(writer.email, /^Your password was changed$/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link no longer works" })).toBeVisible();

  // The old password is gone, the new one signs in.
  await page.context().clearCookies();
  const login = new LoginPage(page);
  await login.goto("/desk");
  await login.signIn(writer.email, writer.password);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await login.signIn(writer.email, "gulls-over-the-harbour");
  await expect(page.getByTestId("signed-in-as")).toContainText(writer.displayName);
});

test("an invitation arrives by email, the invitee joins through it, and the admin sees it sent", async ({ page, browser }) => {
  const admin = await createStaff(servers.newsroom, "admin");
  await new LoginPage(page).goto("/desk/admin/staff");
  await new LoginPage(page).signIn(admin.email, admin.password);
  const invitee = `invited-${Date.now()}@newsroom.test`;
  const invite = page.getByRole("form", { name: "Invite staff" });
  await invite.getByLabel("Email").fill(invitee);
  await invite.getByLabel("Role").selectOption({ label: "Writer" });
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByRole("status")).toContainText("on its way to them by email");
  const shown = await invite.getByLabel("Invitation link").inputValue();

  const email = await waitForEmail(invitee, /invited to join the newsroom as a writer/);
  const link = linkIn(email.mail.text, "/invite/");
  expect(shown).toContain(link.slice(origin.length));

  const newcomerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::14:2" } });
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(link);
  await newcomer.getByLabel("Name").fill("Rosa Lindqvist");
  await newcomer.getByLabel("Password").fill("lighthouse-keeper-notes");
  await newcomer.getByRole("button", { name: "Join" }).click();
  await expect(newcomer.getByTestId("signed-in-as")).toHaveText(/Rosa Lindqvist\s*Writer/);
  await newcomerContext.close();

  await page.getByRole("link", { name: "Email", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Email", exact: true })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: invitee });
  await expect(row).toContainText("sent");
});

test("a writer hears by email that changes were requested, turns that email off in one click, and picks a digest", async ({ page, browser }) => {
  const writer = await createStaff(servers.newsroom, "writer");
  const editor = await createStaff(servers.newsroom, "editor");
  const headline = `Harbour lights survey ${Date.now()}`;
  const [story] = await testDb(servers.newsroom)
    .insert(schema.stories)
    .values({ headline, status: "in_review", createdBy: writer.id, firstSubmittedAt: new Date() })
    .returning();
  await testDb(servers.newsroom).insert(schema.storyBylines).values({ storyId: story.id, userId: writer.id, position: 0 });

  await new LoginPage(page).goto(`/desk/stories/${story.id}/edit`);
  await new LoginPage(page).signIn(editor.email, editor.password);
  const desk = page.getByRole("region", { name: "Editing desk" });
  await desk.getByLabel("Note for the writers").fill("Name the survey's author, please.");
  await desk.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Changes requested");

  const email = await waitForEmail(writer.email, /requested changes to/);
  expect(email.mail.subject).toBe(`${editor.displayName} requested changes to “${headline}”`);
  expect(email.mail.text).toContain("Note: Name the survey's author, please.");
  expect(email.mail.text).toContain(`${origin}/desk/stories/${story.id}/edit`);
  const header = (name: string) => headerLine(email.mail, name);
  expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  const unsubscribe = header("list-unsubscribe")?.match(/<([^>]+)>/)?.[1];
  expect(unsubscribe).toMatch(new RegExp(`^${origin}/unsubscribe\\?token=`));

  // Nobody signed in: the link alone turns off this one kind for this one person.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(unsubscribe!);
  await expect(strangerPage.getByRole("heading", { name: "Turn off these emails?" })).toBeVisible();
  await strangerPage.getByRole("button", { name: "Turn off" }).click();
  await expect(strangerPage.getByRole("heading", { name: "Emails turned off" })).toBeVisible();
  await stranger.close();

  await page.context().clearCookies();
  await new LoginPage(page).goto("/desk/profile");
  await new LoginPage(page).signIn(writer.email, writer.password);
  const settings = page.getByRole("form", { name: "Email notifications" });
  await expect(settings.getByLabel("Changes are requested on your story", { exact: true })).toHaveValue("off");
  await expect(settings.getByLabel("Someone mentions you in a comment", { exact: true })).toHaveValue("immediate");
  await settings.getByLabel("Your story is published", { exact: true }).selectOption({ label: "Daily digest" });
  await settings.getByLabel(/Daily digest at/).selectOption({ label: "07:00" });
  await settings.getByRole("button", { name: "Save email settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Email settings saved.");
  await page.reload();
  await expect(settings.getByLabel("Your story is published", { exact: true })).toHaveValue("digest");
  await expect(settings.getByLabel(/Daily digest at/)).toHaveValue("7");
});

test("a writer changes their email address on the profile, stays signed in, and both addresses hear of it", async ({ page }) => {
  const writer = await createStaff(servers.newsroom, "writer");
  await new LoginPage(page).goto("/desk/profile");
  await new LoginPage(page).signIn(writer.email, writer.password);
  const moved = `moved-${Date.now()}@newsroom.test`;
  const form = page.getByRole("form", { name: "Change email address" });
  await form.getByLabel("New email address").fill(moved);
  await form.getByLabel("Current password").fill(writer.password);
  await form.getByRole("button", { name: "Change email address" }).click();
  await expect(form.getByRole("status")).toHaveText(`Email address changed to ${moved}. We have told both the old and the new address.`);
  await page.reload();
  await expect(page.getByText(`Signed in as ${moved}.`)).toBeVisible();

  const toOld = await waitForEmail(writer.email, /^Your email address was changed$/);
  expect(toOld.mail.text).toContain(`was changed to ${moved}`);
  const toNew = await waitForEmail(moved, /^This is now your newsroom email address$/);
  expect(toNew.mail.text).toContain(`from ${writer.email} to this one`);
});
