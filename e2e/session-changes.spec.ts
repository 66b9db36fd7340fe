import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import * as schema from "../db/schema";
import { tokenHash } from "../lib/one-time-token";
import { createStaff, testDb } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { insertStory } from "./support/public-site";
import { servers } from "./support/servers";

test("an editor demoted to writer loses the review queue and Approve on the very next request of the open session", async ({ page }) => {
  const editor = await createStaff(servers.newsroom, "editor");
  const other = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: `Pier repairs approved ${Date.now()}`, authorId: other.id, status: "in_review" });
  const login = new LoginPage(page);
  await login.goto(`/desk/stories/${story.id}/edit`);
  await login.signIn(editor.email, editor.password);
  const desk = page.getByRole("region", { name: "Editing desk" });
  await expect(desk.getByRole("button", { name: "Approve" })).toBeVisible();

  // What the admin's role change writes (db/queries/staff-admin.ts setUserRole); the session cookie is untouched.
  await testDb(servers.newsroom).update(schema.users).set({ role: "writer" }).where(eq(schema.users.id, editor.id));
  await desk.getByRole("button", { name: "Approve" }).click();
  // A writer who is not a byline may not even open the story now.
  await expect(desk.getByRole("alert")).toHaveText("This story does not exist, or you cannot open it.");
  const [after] = await testDb(servers.newsroom).select({ status: schema.stories.status }).from(schema.stories).where(eq(schema.stories.id, story.id));
  expect(after.status).toBe("in_review");

  expect((await page.goto("/desk/review"))?.status()).toBe(404);
  await page.goto("/desk");
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Writer/);
});

test("an invitation and a reset link stop working when they expire, even on a page opened before", async ({ page }) => {
  const db = testDb(servers.newsroom);
  const admin = await createStaff(servers.newsroom, "admin");
  const person = await createStaff(servers.newsroom, "writer");
  const inviteToken = crypto.randomBytes(32).toString("base64url");
  const resetToken = crypto.randomBytes(32).toString("base64url");
  const email = `late-${crypto.randomBytes(3).toString("hex")}@newsroom.test`;
  const soon = new Date(Date.now() + 3_600_000);
  const [invite] = await db.insert(schema.staffInvites).values({ email, role: "writer", tokenHash: tokenHash(inviteToken), createdBy: admin.id, expiresAt: soon }).returning();
  const [reset] = await db.insert(schema.passwordResets).values({ userId: person.id, tokenHash: tokenHash(resetToken), createdBy: admin.id, expiresAt: soon }).returning();
  const past = new Date(Date.now() - 1000);

  await page.goto(`/invite/${inviteToken}`);
  await expect(page.getByRole("heading", { name: "Join the newsroom" })).toBeVisible();
  await db.update(schema.staffInvites).set({ expiresAt: past }).where(eq(schema.staffInvites.id, invite.id));
  await page.getByLabel("Name").fill("Late Comer");
  await page.getByLabel("Password").fill("tide-tables-and-gulls");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("This invitation has been used or has expired. Ask an admin for a new one.");
  expect(await db.select().from(schema.users).where(eq(schema.users.email, email))).toEqual([]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "This invitation no longer works" })).toBeVisible();

  await page.goto(`/reset/${resetToken}`);
  await expect(page.getByRole("button", { name: "Set password" })).toBeVisible();
  await db.update(schema.passwordResets).set({ expiresAt: past }).where(eq(schema.passwordResets.id, reset.id));
  await page.getByLabel("Password").fill("a-brand-new-passphrase");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("This reset link has been used, has expired, or a newer link was sent. Ask for a new one with “Forgot password?” on the sign-in page.");
  const [unchanged] = await db.select({ passwordHash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.id, person.id));
  expect(unchanged.passwordHash).toBe(person.passwordHash);
  await page.reload();
  await expect(page.getByRole("heading", { name: "This reset link no longer works" })).toBeVisible();
});
