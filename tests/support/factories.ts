import crypto from "node:crypto";
import { db } from "@/db/client";
import { type Role, users } from "@/db/schema";
import { hashPassword } from "@/lib/passwords";

export const TEST_PASSWORD = "correct-horse-battery";

let cachedHash: Promise<string> | undefined;

export async function createUser(overrides: { role?: Role; active?: boolean; email?: string } = {}) {
  const tag = crypto.randomUUID().slice(0, 8);
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db()
    .insert(users)
    .values({
      email: overrides.email ?? `person-${tag}@newsroom.test`,
      displayName: `Person ${tag}`,
      slug: `person-${tag}`,
      role: overrides.role ?? "writer",
      active: overrides.active ?? true,
      passwordHash: await cachedHash,
    })
    .returning();
  return user;
}

/** A documentation-prefix address no other test uses, so throttling never leaks between tests. */
export function uniqueIp(): string {
  const [a, b] = [crypto.randomBytes(2).toString("hex"), crypto.randomBytes(2).toString("hex")];
  return `2001:db8::${a}:${b}`;
}
