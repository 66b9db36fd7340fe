import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { auditLog, emailOutbox, users } from "@/db/schema";
import { TEST_PASSWORD, createUser, uniqueIp } from "./support/factories";
import { linkIn, smtpSinkForThisFile } from "./support/smtp-sink";

process.env.PUBLIC_URL = "https://news.example.test";

// What the forgot-password action sees of its request: a forged Host must not matter.
const request = vi.hoisted(() => ({ ip: "", host: "evil.example" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: request.host, "x-forwarded-host": request.host, "x-forwarded-for": request.ip }),
}));
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/auth", () => ({ signIn: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { forgotPasswordAction } = await import("@/app/(auth)/forgot-password/actions");
const { RESET_REQUESTED } = await import("@/lib/forgot-password");
const { deliverDueEmails } = await import("@/lib/email/worker");
const { smtpSender } = await import("@/lib/email/transport");
const { createInvite, createPasswordReset, findOpenInvite, findOpenReset, setUserRole, usePasswordReset } = await import("@/db/queries/staff-admin");
const { changeEmail, changePassword } = await import("@/db/queries/users");
const { changeEmailAction } = await import("@/app/(desk)/desk/profile/actions");
const { authenticate } = await import("@/lib/sign-in");

const sink = smtpSinkForThisFile();

const deliver = () => deliverDueEmails(smtpSender(sink().url));
const queuedFor = (recipient: string) => db().select().from(emailOutbox).where(eq(emailOutbox.recipient, recipient));
const tokenOf = (link: string) => link.split("/").at(-1)!;

async function askForReset(email: string, ip = uniqueIp()) {
  request.ip = ip;
  const form = new FormData();
  form.set("email", email);
  const started = Date.now();
  const answer = await forgotPasswordAction({}, form);
  return { answer, ms: Date.now() - started };
}

describe("Forgot password?", () => {
  it("answers the same, in the same time, for an unknown address and sends nothing", async () => {
    const person = await createUser();
    const unknown = `nobody-${crypto.randomUUID().slice(0, 8)}@newsroom.test`;
    const known = await askForReset(person.email);
    const missing = await askForReset(unknown);
    expect(missing.answer).toEqual(known.answer);
    expect(known.answer).toEqual({ success: RESET_REQUESTED });
    expect(Math.min(known.ms, missing.ms)).toBeGreaterThanOrEqual(590);
    expect(await queuedFor(unknown)).toHaveLength(0);
    expect(await queuedFor(person.email)).toHaveLength(1);
  });

  it("emails an active person a one-hour link on PUBLIC_URL whatever the Host header says; it works once and ends every session", async () => {
    const person = await createUser();
    await askForReset(person.email);
    await deliver();
    const received = await sink().waitFor((message) => message.to.includes(person.email) && message.mail.subject === "Reset your password");
    expect(received.mail.text).not.toContain("evil.example");
    expect(received.mail.html).not.toContain("evil.example");
    const link = linkIn(received, "https://news.example.test");
    expect(link).toMatch(/^https:\/\/news\.example\.test\/reset\/[A-Za-z0-9_-]{43}$/);
    const [reset] = await db().select().from(auditLog).where(and(eq(auditLog.action, "password_reset_requested"), eq(auditLog.targetId, person.id)));
    expect(reset).toBeDefined();
    const expiresIn = (await db().query.passwordResets.findFirst({ where: (row, { eq: equals }) => equals(row.userId, person.id) }))!.expiresAt.getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(59 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(60 * 60_000);

    expect(await usePasswordReset(tokenOf(link), "new-hash")).toEqual({ email: person.email });
    expect(await usePasswordReset(tokenOf(link), "again-hash")).toBeUndefined();
    const [after] = await db().select().from(users).where(eq(users.id, person.id));
    expect(after).toMatchObject({ passwordHash: "new-hash", sessionVersion: 2 });
    await deliver();
    await sink().waitFor((message) => message.to.includes(person.email) && message.mail.subject === "Your password was changed");
  });

  it("sends nothing to a deactivated person, and a newer link voids the older one", async () => {
    const gone = await createUser({ active: false });
    await askForReset(gone.email);
    expect(await queuedFor(gone.email)).toHaveLength(0);

    const person = await createUser();
    await askForReset(person.email);
    await askForReset(person.email);
    await deliver();
    const [older, newer] = sink().received.filter((message) => message.to.includes(person.email)).map((message) => tokenOf(linkIn(message, "https://news.example.test")));
    expect(newer).toBeDefined();
    expect(await findOpenReset(older)).toBeUndefined();
    expect(await findOpenReset(newer)).toMatchObject({ email: person.email });
  });

  it("allows 5 requests an hour per address and per email, known or not, refused politely", async () => {
    const person = await createUser();
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await askForReset(person.email)).answer).toEqual({ success: RESET_REQUESTED });
    const refused = await askForReset(person.email);
    expect(refused.answer.error).toMatch(/^Too many attempts\. Try again in \d+ minutes\.$/);
    expect(await queuedFor(person.email)).toHaveLength(5);

    const ip = uniqueIp();
    for (let attempt = 0; attempt < 5; attempt += 1) await askForReset(`someone-${attempt}-${crypto.randomUUID().slice(0, 6)}@newsroom.test`, ip);
    const unknownRefused = await askForReset(`one-more-${crypto.randomUUID().slice(0, 6)}@newsroom.test`, ip);
    expect(unknownRefused.answer.error).toMatch(/^Too many attempts/);
  });
});

describe("account emails", () => {
  it("email an invitation; inviting again replaces the earlier link", async () => {
    const admin = await createUser({ role: "admin" });
    const email = `twice-${crypto.randomUUID().slice(0, 8)}@newsroom.test`;
    const first = await createInvite(email, "editor", admin.id);
    const second = await createInvite(email, "editor", admin.id);
    expect(await findOpenInvite(first.token)).toBeUndefined();
    expect(await findOpenInvite(second.token)).toMatchObject({ email });
    await deliver();
    const links = sink().received.filter((message) => message.to.includes(email)).map((message) => linkIn(message, "https://news.example.test"));
    expect(links).toContain(`https://news.example.test/invite/${second.token}`);
  });

  it("tell people when their password or their role changed", async () => {
    const person = await createUser();
    await changePassword(person.id, "changed-hash");
    await setUserRole(person.id, "editor");
    await deliver();
    const changed = await sink().waitFor((message) => message.to.includes(person.email) && message.mail.subject === "Your password was changed");
    expect(changed.mail.html).toContain("every other session was signed out");
    const role = await sink().waitFor((message) => message.to.includes(person.email) && message.mail.subject === "You are now an editor");
    expect(role.mail.text).toContain("from writer to editor");
  });
});

describe("changing one's email address", () => {
  const newAddress = () => `moved-${crypto.randomUUID().slice(0, 8)}@newsroom.test`;

  async function changeEmailAs(person: SessionUser, newEmail: string, currentPassword = TEST_PASSWORD) {
    session.user = person;
    const form = new FormData();
    form.set("newEmail", newEmail);
    form.set("currentPassword", currentPassword);
    return changeEmailAction({}, form);
  }

  const emailOf = async (id: string) => (await db().select({ email: users.email }).from(users).where(eq(users.id, id)))[0].email;

  it("tells the old and the new address, voids reset links, and signs in with the new address only", async () => {
    const person = await createUser();
    const admin = await createUser({ role: "admin" });
    const reset = (await createPasswordReset(person.id, admin.id))!;
    const moved = newAddress();
    expect(await changeEmailAs(person, `  ${moved.toUpperCase()} `)).toEqual({ success: `Email address changed to ${moved}. We have told both the old and the new address.` });
    expect(await emailOf(person.id)).toBe(moved);
    expect(await findOpenReset(reset.token)).toBeUndefined();
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "email_changed"), eq(auditLog.targetId, person.id)));
    expect(audit).toMatchObject({ actorId: person.id, metadata: { from: person.email, to: moved } });

    await deliver();
    const toOld = await sink().waitFor((message) => message.to.includes(person.email) && message.mail.subject === "Your email address was changed");
    expect(toOld.mail.text).toContain(`was changed to ${moved} on `);
    expect(toOld.mail.text).toContain("If this was not you");
    expect(toOld.mail.html).toContain(`was changed to ${moved} on `);
    const toNew = await sink().waitFor((message) => message.to.includes(moved) && message.mail.subject === "This is now your newsroom email address");
    expect(toNew.mail.text).toContain(`from ${person.email} to this one`);
    expect(toNew.mail.html).toContain(`from ${person.email} to this one`);
    expect(linkIn(toNew, "https://news.example.test")).toBe("https://news.example.test/login");

    expect(await authenticate({ email: person.email, password: TEST_PASSWORD }, uniqueIp())).toBeNull();
    expect(await authenticate({ email: moved.toUpperCase(), password: TEST_PASSWORD }, uniqueIp())).toMatchObject({ id: person.id, email: moved, sessionVersion: person.sessionVersion });
  });

  it("refuses a wrong password, an invalid address, its own address and one another account uses, changing and sending nothing", async () => {
    const person = await createUser();
    const other = await createUser();
    const wanted = newAddress();
    expect(await changeEmailAs(person, wanted, "not-my-password")).toEqual({ error: "Your current password is not right." });
    expect(await changeEmailAs(person, "not an address")).toEqual({ error: "Enter a valid email address." });
    expect(await changeEmailAs(person, person.email.toUpperCase())).toEqual({ error: "That is already your email address." });
    expect(await changeEmailAs(person, other.email.toUpperCase())).toEqual({ error: "Another account already uses that email address." });
    expect(await emailOf(person.id)).toBe(person.email);
    for (const address of [person.email, other.email, wanted]) expect(await queuedFor(address)).toHaveLength(0);
  });

  it("gives one address to one of two people claiming it at the same moment", async () => {
    const [first, second] = [await createUser(), await createUser()];
    const wanted = newAddress();
    const results = await Promise.all([changeEmail(first.id, wanted), changeEmail(second.id, wanted)]);
    expect(results.sort()).toEqual(["changed", "taken"]);
    expect(await db().select().from(users).where(eq(users.email, wanted))).toHaveLength(1);
    expect(await queuedFor(wanted)).toHaveLength(1);
  });
});
