import { count, eq } from "drizzle-orm";
import type { BrowserContext } from "@playwright/test";
import * as schema from "../db/schema";
import { createStaff, testDb } from "./support/database";
import { cookieHeader, recordActionRequest, replay } from "./support/action-requests";
import { LoginPage, expect, test } from "./support/fixtures";
import { insertStory } from "./support/public-site";
import { servers } from "./support/servers";

async function signIn(context: BrowserContext, person: { email: string; password: string }) {
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(person.email, person.password);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return page;
}

async function storyFootprint(storyId: string) {
  const db = testDb(servers.newsroom);
  const [story] = await db.select({ status: schema.stories.status, revision: schema.stories.revision }).from(schema.stories).where(eq(schema.stories.id, storyId));
  const [audit] = await db.select({ n: count() }).from(schema.auditLog).where(eq(schema.auditLog.targetId, storyId));
  return { ...story, audit: audit.n };
}

test("an editor's recorded Approve, replayed with the writer's cookies, with none, or after the editor is deactivated, changes nothing", async ({ browser, request }) => {
  test.slow();
  const writer = await createStaff(servers.newsroom, "writer");
  const editor = await createStaff(servers.newsroom, "editor");
  const story = await insertStory({ headline: `Harbour dues rise ${Date.now()}`, authorId: writer.id, status: "in_review" });

  const editorContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::9:1" } });
  const editorPage = await signIn(editorContext, editor);
  await editorPage.goto(`/desk/stories/${story.id}/edit`);
  const approve = await recordActionRequest(editorPage, () => editorPage.getByRole("region", { name: "Editing desk" }).getByRole("button", { name: "Approve" }).click());
  expect(approve.headers["content-type"]).toMatch(/^text\/plain/);
  const editorCookie = await cookieHeader(editorContext);

  const writerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::9:2" } });
  await signIn(writerContext, writer);
  const before = await storyFootprint(story.id);
  expect(before.status).toBe("in_review");

  const asWriter = await replay(request, approve, await cookieHeader(writerContext));
  expect(asWriter.status()).toBeLessThan(500);
  expect(await asWriter.text()).toContain("You don't have permission to do that.");
  // Without a session the desk's proxy sends the request to sign in before any action runs.
  const signedOut = await replay(request, approve, null);
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toMatch(/^\/login\?callbackUrl=/);
  expect(await storyFootprint(story.id)).toEqual(before);

  const db = testDb(servers.newsroom);
  await db.update(schema.users).set({ active: false }).where(eq(schema.users.id, editor.id));
  const deactivated = await replay(request, approve, editorCookie);
  expect(await deactivated.text()).toContain("Your session has ended.");
  expect(await storyFootprint(story.id)).toEqual(before);

  // The same bytes with the editor's live session do approve: the refusals above were about who asked.
  await db.update(schema.users).set({ active: true }).where(eq(schema.users.id, editor.id));
  expect((await replay(request, approve, editorCookie)).status()).toBe(200);
  expect((await storyFootprint(story.id)).status).toBe("approved");

  await editorContext.close();
  await writerContext.close();
});

test("an admin's recorded role change, replayed with an editor's cookies or none, changes nothing", async ({ browser, request }) => {
  test.slow();
  const admin = await createStaff(servers.newsroom, "admin");
  const editor = await createStaff(servers.newsroom, "editor");
  const target = await createStaff(servers.newsroom, "writer");

  const adminContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::9:3" } });
  const adminPage = await signIn(adminContext, admin);
  await adminPage.goto("/desk/admin/staff");
  const row = adminPage.getByRole("row").filter({ hasText: target.email });
  await row.getByLabel(`Role for ${target.displayName}`).selectOption({ label: "Admin" });
  const promote = await recordActionRequest(adminPage, () => row.getByRole("button", { name: `Change role of ${target.displayName}` }).click());
  expect(promote.headers["content-type"]).toMatch(/^multipart\/form-data/);

  const editorContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:db8::9:4" } });
  await signIn(editorContext, editor);
  const role = async () => (await testDb(servers.newsroom).select({ role: schema.users.role }).from(schema.users).where(eq(schema.users.id, target.id)))[0].role;

  expect(await (await replay(request, promote, await cookieHeader(editorContext))).text()).toContain("You don't have permission to do that.");
  expect((await replay(request, promote, null)).headers().location).toMatch(/^\/login\?callbackUrl=/);
  expect(await role()).toBe("writer");

  expect((await replay(request, promote, await cookieHeader(adminContext))).status()).toBe(200);
  expect(await role()).toBe("admin");

  await adminContext.close();
  await editorContext.close();
});
