import { asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, passwordResets, publication, sections, staffInvites, users } from "@/db/schema";
import { createUser } from "./support/factories";

// Who is asking comes from the session cookie; everything after it (the database re-check of the
// person and their session version, the policy, the action) is the real code.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, sessionVersion: 1 } : null),
  signIn: vi.fn(),
  signOut: vi.fn(),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
}));

// Outside a Next request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const staff = await import("@/app/(desk)/desk/admin/staff/actions");
const settings = await import("@/app/(desk)/desk/admin/settings/actions");
const sectionActions = await import("@/app/(desk)/desk/admin/sections/actions");
const emailActions = await import("@/app/(desk)/desk/admin/email/actions");
const pages = {
  staff: (await import("@/app/(desk)/desk/admin/staff/page")).default,
  settings: (await import("@/app/(desk)/desk/admin/settings/page")).default,
  sections: (await import("@/app/(desk)/desk/admin/sections/page")).default,
  audit: (await import("@/app/(desk)/desk/admin/audit/page")).default,
  email: (await import("@/app/(desk)/desk/admin/email/page")).default,
};

type Actor = "anonymous" | "writer" | "editor" | "admin" | "deactivated admin" | "admin signed out everywhere";
const ACTORS: Actor[] = ["anonymous", "writer", "editor", "admin", "deactivated admin", "admin signed out everywhere"];

// A staff member may only be deactivated while another admin stays active; the matrix's own
// admins always are, so "last admin" never decides a case here.
const people = {
  writer: await createUser({ role: "writer" }),
  editor: await createUser({ role: "editor" }),
  admin: await createUser({ role: "admin" }),
  deactivated: await createUser({ role: "admin", active: false }),
  signedOut: await createUser({ role: "admin" }),
};
await db().update(users).set({ sessionVersion: 2 }).where(eq(users.id, people.signedOut.id));
const sessionFor: Record<Actor, string | null> = {
  anonymous: null,
  writer: people.writer.id,
  editor: people.editor.id,
  admin: people.admin.id,
  "deactivated admin": people.deactivated.id,
  "admin signed out everywhere": people.signedOut.id,
};

/** What each case acts on, made fresh so an allowed case never changes another's starting point. */
async function targets() {
  const tag = crypto.randomUUID().slice(0, 8);
  const [section] = await db().insert(sections).values({ name: `Matrix ${tag}`, slug: `matrix-${tag}`, position: 500 }).returning();
  const [failedEmail] = await db()
    .insert(emailOutbox)
    .values({ kind: "test", recipient: `bounced-${tag}@newsroom.test`, subject: "Bounced", text: "Hi", html: "<p>Hi</p>", messageId: `<${tag}@newsroom.test>`, status: "failed", attempts: 8 })
    .returning();
  return { tag, person: await createUser({ role: "writer" }), inactive: await createUser({ role: "writer", active: false }), section, failedEmail };
}
type Targets = Awaited<ReturnType<typeof targets>>;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
type Outcome = { success?: string; error?: string };
const succeeded = (outcome: Outcome) => Boolean(outcome.success) && !outcome.error;

const ACTIONS: Record<string, (t: Targets) => Promise<boolean>> = {
  invite: async (t) => succeeded(await staff.inviteStaffAction({}, form({ email: `invitee-${t.tag}@newsroom.test`, role: "editor" }))),
  "change role": async (t) => succeeded(await staff.changeRoleAction({}, form({ userId: t.person.id, role: "admin" }))),
  deactivate: async (t) => succeeded(await staff.setStaffActiveAction({}, form({ userId: t.person.id, active: "false" }))),
  reactivate: async (t) => succeeded(await staff.setStaffActiveAction({}, form({ userId: t.inactive.id, active: "true" }))),
  "sign out everywhere": async (t) => succeeded(await staff.signOutEverywhereAction({}, form({ userId: t.person.id }))),
  "create reset link": async (t) => succeeded(await staff.createResetLinkAction({}, form({ userId: t.person.id }))),
  "update settings": async (t) =>
    succeeded(await settings.saveSettingsAction({}, form({ name: `Matrix Gazette ${t.tag}`, description: "Changed by the matrix.", language: "de", timezone: "Europe/Berlin" }))),
  "create section": async (t) => succeeded(await sectionActions.createSectionAction({}, form({ name: `Harbour ${t.tag}`, slug: "" }))),
  "rename section": async (t) => succeeded(await sectionActions.renameSectionAction({}, form({ sectionId: t.section.id, name: "Renamed" }))),
  "reorder sections": async (t) => succeeded(await sectionActions.moveSectionAction({}, form({ sectionId: t.section.id, direction: "up" }))),
  "hide section": async (t) => succeeded(await sectionActions.hideSectionAction({}, form({ sectionId: t.section.id, hidden: "true" }))),
  "delete section": async (t) => succeeded(await sectionActions.deleteSectionAction({}, form({ sectionId: t.section.id }))),
  "retry an email": async (t) => succeeded(await emailActions.retryEmailAction({}, form({ emailId: t.failedEmail.id }))),
  ...Object.fromEntries(
    Object.entries(pages).map(([name, Page]) => [
      `view ${name} page`,
      async () => {
        try {
          await Page({ params: Promise.resolve({}), searchParams: Promise.resolve({}) } as never);
          return true;
        } catch (error) {
          if (/NOT_FOUND|REDIRECT \/login/.test(String(error))) return false;
          throw error;
        }
      },
    ]),
  ),
};

/** Every table an admin action writes to. */
async function snapshot() {
  return {
    users: await db().select().from(users).orderBy(asc(users.id)),
    invites: await db().select().from(staffInvites).orderBy(asc(staffInvites.id)),
    resets: await db().select().from(passwordResets).orderBy(asc(passwordResets.id)),
    publication: await db().select().from(publication),
    sections: await db().select().from(sections).orderBy(asc(sections.id)),
    audit: await db().select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id)),
    emails: await db().select().from(emailOutbox).orderBy(asc(emailOutbox.id)),
  };
}

let cases = 0;

describe("admin access matrix: every role and session state × admin action, through the server actions and pages", () => {
  for (const [action, attempt] of Object.entries(ACTIONS)) {
    for (const actor of ACTORS) {
      const allowed = actor === "admin";
      it(`${actor} ${allowed ? "may" : "may not"} ${action}`, async () => {
        cases += 1;
        const t = await targets();
        const [settingsBefore] = await db().select().from(publication);
        const before = await snapshot();
        session.userId = sessionFor[actor];
        try {
          expect(await attempt(t)).toBe(allowed);
        } finally {
          session.userId = null;
        }
        if (!allowed) expect(await snapshot()).toEqual(before);
        // An allowed settings change stays out of the other tests' way.
        if (settingsBefore) await db().update(publication).set(settingsBefore);
        else await db().delete(publication);
      });
    }
  }
});

afterAll(() => {
  console.log(`admin access matrix: ${cases} cases (${ACTORS.length} roles and session states × ${Object.keys(ACTIONS).length} admin actions and pages)`);
});
