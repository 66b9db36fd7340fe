"use server";

import { z } from "zod";
import { signIn } from "@/auth";
import { recordAudit } from "@/db/queries/audit";
import { createFirstAdmin } from "@/db/queries/users";
import { newPasswordField } from "@/lib/password-rules";
import { hashPassword } from "@/lib/passwords";
import { type ActionState, firstIssue, formFields } from "@/lib/server-action";
import { emailField } from "@/lib/sign-in";
import { slugify } from "@/lib/slug";

const setupForm = z.strictObject({
  displayName: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  email: emailField,
  password: newPasswordField,
});

/** Open only while nobody exists yet; the first person becomes the admin. */
export async function setupAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const values = { displayName: String(fields.displayName ?? "").slice(0, 100), email: String(fields.email ?? "").slice(0, 254) };
  const parsed = setupForm.safeParse(fields);
  if (!parsed.success) return { error: firstIssue(parsed.error), values };

  const { displayName, email, password } = parsed.data;
  const admin = await createFirstAdmin({
    displayName,
    email,
    slug: slugify(displayName),
    passwordHash: await hashPassword(password),
  });
  if (!admin) return { error: "This newsroom is already set up. Sign in instead." };
  await recordAudit({ action: "setup_completed", actorId: admin.id, targetType: "user", targetId: admin.id });
  await signIn("credentials", { email, password, redirectTo: "/desk" });
  return {};
}
