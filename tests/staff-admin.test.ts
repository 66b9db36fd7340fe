import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { acceptInvite, createInvite, createPasswordReset, endAllSessions, setUserRole, usePasswordReset } from "@/db/queries/staff-admin";
import { LastAdminError } from "@/db/queries/users";
import { staffInvites, users } from "@/db/schema";
import { isCommonPassword } from "@/lib/password-rules";
import { createUser } from "./support/factories";

describe("invitations", () => {
  it("work exactly once, even when used twice at the same moment", async () => {
    const admin = await createUser({ role: "admin" });
    const email = `invitee-${crypto.randomUUID().slice(0, 8)}@newsroom.test`;
    const { token } = await createInvite(email, "editor", admin.id);
    const results = await Promise.all([acceptInvite(token, "Ines Okafor", "hash-1"), acceptInvite(token, "Ines Okafor", "hash-2")]);
    expect(results.map((result) => result.kind).sort()).toEqual(["gone", "joined"]);
    const joined = await db().select().from(users).where(eq(users.email, email));
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ role: "editor", displayName: "Ines Okafor" });
  });

  it("die after seven days, and never take an address someone already has", async () => {
    const admin = await createUser({ role: "admin" });
    const expired = await createInvite(`late-${crypto.randomUUID().slice(0, 8)}@newsroom.test`, "writer", admin.id);
    await db().update(staffInvites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(staffInvites.email, (await db().select().from(staffInvites).orderBy(staffInvites.createdAt)).at(-1)!.email));
    expect((await acceptInvite(expired.token, "Late", "hash")).kind).toBe("gone");
    const taken = await createInvite(admin.email, "writer", admin.id);
    expect((await acceptInvite(taken.token, "Twin", "hash")).kind).toBe("email-taken");
    expect((await acceptInvite("not-a-token", "Nobody", "hash")).kind).toBe("gone");
  });
});

describe("roles, sessions and resets", () => {
  it("never demote the last active admin", async () => {
    const admins = await db().select().from(users).where(eq(users.role, "admin"));
    // Leave exactly one active admin for this test's own world.
    await db().update(users).set({ role: "editor" }).where(eq(users.role, "admin"));
    const only = await createUser({ role: "admin" });
    await expect(setUserRole(only.id, "writer")).rejects.toBeInstanceOf(LastAdminError);
    const other = await createUser({ role: "admin" });
    expect(await setUserRole(only.id, "writer")).toMatchObject({ id: only.id, from: "admin" });
    await expect(setUserRole(other.id, "editor")).rejects.toBeInstanceOf(LastAdminError);
    for (const admin of admins) await db().update(users).set({ role: "admin" }).where(eq(users.id, admin.id));
  });

  it("end every session, and let a reset link set the password once", async () => {
    const admin = await createUser({ role: "admin" });
    const person = await createUser();
    expect(await endAllSessions(person.id)).toBe(true);
    const [{ sessionVersion }] = await db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, person.id));
    expect(sessionVersion).toBe(2);
    const reset = (await createPasswordReset(person.id, admin.id))!;
    expect(await usePasswordReset(reset.token, "new-hash")).toEqual({ email: person.email });
    expect(await usePasswordReset(reset.token, "newer-hash")).toBeUndefined();
    const [after] = await db().select().from(users).where(eq(users.id, person.id));
    expect(after).toMatchObject({ passwordHash: "new-hash", sessionVersion: 3 });
  });

  it("refuse the passwords everyone tries first", () => {
    expect(isCommonPassword("Password1234")).toBe(true);
    expect(isCommonPassword("zzzzzzzzzzzz")).toBe(true);
    expect(isCommonPassword("tide-tables-and-gulls")).toBe(false);
  });
});
