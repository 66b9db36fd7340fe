import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { SignInThrottled, authenticate } from "@/lib/sign-in";
import { MAX_FAILURES } from "@/lib/sign-in-throttle";
import { TEST_PASSWORD, createUser, uniqueIp } from "./support/factories";

describe("authenticate", () => {
  it("signs in with the right password and records it", async () => {
    const user = await createUser();
    const result = await authenticate({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, uniqueIp());
    expect(result).toMatchObject({ id: user.id, email: user.email, sessionVersion: 1 });
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row.lastSignInAt).not.toBeNull();
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const user = await createUser();
    const ip = uniqueIp();
    expect(await authenticate({ email: user.email, password: "wrong-password-1" }, ip)).toBeNull();
    expect(await authenticate({ email: "nobody@newsroom.test", password: TEST_PASSWORD }, ip)).toBeNull();
    const failures = await db().select().from(auditLog).where(eq(auditLog.ip, ip));
    expect(failures.map((entry) => entry.action)).toEqual(["sign_in_failed", "sign_in_failed"]);
  });

  it("refuses a deactivated account even with the right password", async () => {
    const user = await createUser({ active: false });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).toBeNull();
  });

  it.each([
    ["SQL-looking email", { email: "' OR 1=1 --@x.test", password: "x" }],
    ["SQL-looking password", { email: "a@b.test", password: "'; DROP TABLE users; --" }],
    ["10 kB email", { email: `${"a".repeat(10_000)}@newsroom.test`, password: "x" }],
    ["unicode", { email: "ünïcødé@nëwsröom.test", password: "пароль🔑" }],
    ["missing fields", {}],
    ["non-string fields", { email: 42, password: { nested: true } }],
  ])("treats %s as a failed sign-in, never an error", async (_label, credentials) => {
    await expect(authenticate(credentials, uniqueIp())).resolves.toBeNull();
    const [count] = await db().select().from(users).where(eq(users.email, "a@b.test"));
    expect(count).toBeUndefined();
  });

  it(`refuses the ${MAX_FAILURES + 1}th try on an account in the window, even with the right password`, async () => {
    const user = await createUser();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await authenticate({ email: user.email, password: `wrong-${i}` }, uniqueIp())).toBeNull();
    }
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).rejects.toBeInstanceOf(
      SignInThrottled,
    );
  });

  it(`refuses an address after ${MAX_FAILURES} failures across accounts`, async () => {
    const ip = uniqueIp();
    for (let i = 0; i < MAX_FAILURES; i++) {
      await authenticate({ email: `stranger-${i}@newsroom.test`, password: "guess" }, ip);
    }
    const user = await createUser();
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).rejects.toBeInstanceOf(SignInThrottled);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).not.toBeNull();
  });

  it("forgets an account's earlier failures after a successful sign-in", async () => {
    const user = await createUser();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate({ email: user.email, password: "nope" }, uniqueIp());
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).not.toBeNull();
    expect(await authenticate({ email: user.email, password: "nope" }, uniqueIp())).toBeNull();
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).not.toBeNull();
  });
});
