import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { LastAdminError, createFirstAdmin, findSessionUser, setUserActive } from "@/db/queries/users";
import { users } from "@/db/schema";
import { createUser } from "./support/factories";

describe("sessions", () => {
  it("a deactivated user's session is gone, and stays gone after reactivation", async () => {
    const user = await createUser();
    expect(await findSessionUser(user.id, user.sessionVersion)).toBeDefined();
    await setUserActive(user.id, false);
    expect(await findSessionUser(user.id, user.sessionVersion)).toBeUndefined();
    await setUserActive(user.id, true);
    expect(await findSessionUser(user.id, user.sessionVersion)).toBeUndefined();
    expect(await findSessionUser(user.id, user.sessionVersion + 1)).toBeDefined();
  });

  it("a role change shows on the next request", async () => {
    const user = await createUser({ role: "writer" });
    await db().update(users).set({ role: "editor" }).where(eq(users.id, user.id));
    expect((await findSessionUser(user.id, user.sessionVersion))?.role).toBe("editor");
  });
});

describe("the last active admin", () => {
  it("cannot be deactivated", async () => {
    // Leave exactly one active admin.
    await db().update(users).set({ active: false }).where(eq(users.role, "admin"));
    const admin = await createUser({ role: "admin" });
    await expect(setUserActive(admin.id, false)).rejects.toBeInstanceOf(LastAdminError);
    const second = await createUser({ role: "admin" });
    await expect(setUserActive(admin.id, false)).resolves.toMatchObject({ active: false });
    await expect(setUserActive(second.id, false)).rejects.toBeInstanceOf(LastAdminError);
  });
});

describe("createFirstAdmin", () => {
  it("does nothing once anyone exists", async () => {
    await createUser();
    const created = await createFirstAdmin({
      email: "late@newsroom.test",
      displayName: "Late",
      slug: "late",
      passwordHash: "x",
    });
    expect(created).toBeUndefined();
    expect(await db().select().from(users).where(eq(users.email, "late@newsroom.test"))).toEqual([]);
  });
});
