import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createUser } from "./support/factories";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, sessionVersion: 1 } : null),
  signIn: vi.fn(),
  signOut: vi.fn(),
}));

const { staffAction } = await import("@/lib/server-action");
const { signInAction } = await import("@/app/(auth)/login/actions");

// What a hand-made request can decode to where React would pass the form.
const NOT_A_FORM: unknown[] = [undefined, null, 2, "email=a@b.test", {}, [], { entries: "not a function" }];

describe("server actions given something other than a form", () => {
  it.each(NOT_A_FORM)("a staff action answers %j with the form's first problem and does nothing", async (input) => {
    session.userId = (await createUser()).id;
    const act = vi.fn(async () => ({ success: "done" }));
    const action = staffAction(z.strictObject({ name: z.string("Give it a name.") }), act);
    expect(await action({}, input as FormData)).toEqual({ error: "Give it a name." });
    expect(act).not.toHaveBeenCalled();
    session.userId = null;
  });

  it.each(NOT_A_FORM)("signing in answers %j with a message", async (input) => {
    expect((await signInAction({}, input as FormData)).error).toBe("Enter a valid email address.");
  });
});
