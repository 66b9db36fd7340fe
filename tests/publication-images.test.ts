import crypto from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { insertMedia } from "@/db/queries/media";
import { readPublicState } from "@/db/queries/public-publication";
import { avatarOf, getProfile, listStaff } from "@/db/queries/users";
import type { SessionUser } from "@/db/queries/users";
import { auditLog, media, publication } from "@/db/schema";
import { createUser } from "./support/factories";

// The actions' only window on who is asking; everything after it is the real code.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { saveProfileAction } = await import("@/app/(desk)/desk/profile/actions");
const { saveSettingsAction } = await import("@/app/(desk)/desk/admin/settings/actions");
const { FORBIDDEN } = await import("@/lib/server-action");

await db().insert(publication).values({ id: 1, name: "The Test Ledger" }).onConflictDoNothing();

async function signInAs(role: "writer" | "editor" | "admin") {
  const user = await createUser({ role });
  session.user = { id: user.id, email: user.email, displayName: user.displayName, role, sessionVersion: 1 };
  return user;
}

async function upload(uploadedBy: string | null) {
  const row = await insertMedia({ id: crypto.randomUUID(), uploadedBy, originalName: "face.png", mimeType: "image/png", width: 600, height: 400, bytes: 1234 });
  return row.id;
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

beforeEach(() => {
  session.user = null;
});

describe("avatar on the profile", () => {
  const profileFields = (user: { displayName: string; slug: string }, avatarMediaId?: string) =>
    form({ displayName: user.displayName, slug: user.slug, bio: "", ...(avatarMediaId === undefined ? {} : { avatarMediaId }) });

  it("is set from one's own upload, kept when the form leaves it out, and removed when emptied", async () => {
    const writer = await signInAs("writer");
    const image = await upload(writer.id);
    const versionBefore = (await readPublicState()).version;
    expect(await saveProfileAction({}, profileFields(writer, image))).toEqual({ success: "Profile saved." });
    expect((await getProfile(writer.id))?.avatar).toEqual({ id: image, width: 600, height: 400 });
    expect(await avatarOf(writer.id)).toEqual({ id: image, width: 600, height: 400 });
    expect((await listStaff()).find((person) => person.id === writer.id)?.avatar?.id).toBe(image);
    expect((await readPublicState()).version).toBeGreaterThan(versionBefore);

    expect(await saveProfileAction({}, profileFields(writer))).toEqual({ success: "Profile saved." });
    expect((await getProfile(writer.id))?.avatar?.id).toBe(image);

    expect(await saveProfileAction({}, profileFields(writer, ""))).toEqual({ success: "Profile saved." });
    expect((await getProfile(writer.id))?.avatar).toBeNull();
    expect(await avatarOf(writer.id)).toBeNull();
  });

  it("refuses someone else's upload, an id that names nothing and a malformed one, changing nothing", async () => {
    const other = await createUser();
    const theirs = await upload(other.id);
    const writer = await signInAs("writer");
    const mine = await upload(writer.id);
    await saveProfileAction({}, profileFields(writer, mine));
    for (const id of [theirs, crypto.randomUUID(), "../../etc/passwd"]) {
      const answer = await saveProfileAction({}, profileFields(writer, id));
      expect(answer.error).toMatch(/upload the (avatar|image) again/i);
      expect((await getProfile(writer.id))?.avatar?.id).toBe(mine);
    }
  });

  it("goes when its upload is deleted", async () => {
    const writer = await signInAs("writer");
    const image = await upload(writer.id);
    await saveProfileAction({}, profileFields(writer, image));
    await db().delete(media).where(eq(media.id, image));
    expect((await getProfile(writer.id))?.avatar).toBeNull();
  });
});

describe("logo and default social image in the settings", () => {
  const settingsFields = (images: { logoMediaId?: string; socialImageMediaId?: string }) =>
    form({ name: "The Test Ledger", description: "", language: "en", timezone: "UTC", ...images });

  it("an admin sets them from any upload; public state has them at once, and the change is in the audit log", async () => {
    const writer = await createUser();
    const logo = await upload(writer.id);
    const socialImage = await upload(null);
    const admin = await signInAs("admin");
    const versionBefore = (await readPublicState()).version;
    expect((await saveSettingsAction({}, settingsFields({ logoMediaId: logo, socialImageMediaId: socialImage }))).error).toBeUndefined();
    const state = await readPublicState();
    expect(state.logo).toEqual({ id: logo, width: 600, height: 400 });
    expect(state.socialImage).toEqual({ id: socialImage, width: 600, height: 400 });
    expect(state.version).toBeGreaterThan(versionBefore);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, admin.id), eq(auditLog.action, "settings_changed")))
      .orderBy(desc(auditLog.createdAt));
    expect(entry.metadata).toMatchObject({ after: { logoMediaId: logo, socialImageMediaId: socialImage } });

    await saveSettingsAction({}, settingsFields({ logoMediaId: "" }));
    expect((await readPublicState()).logo).toBeNull();
    expect((await readPublicState()).socialImage?.id).toBe(socialImage);
  });

  it("a writer or an editor changes nothing, whatever they send", async () => {
    const admin = await signInAs("admin");
    const kept = await upload(admin.id);
    await saveSettingsAction({}, settingsFields({ logoMediaId: kept }));
    for (const role of ["writer", "editor"] as const) {
      const person = await signInAs(role);
      const theirs = await upload(person.id);
      expect(await saveSettingsAction({}, settingsFields({ logoMediaId: theirs }))).toEqual({ error: FORBIDDEN });
      expect((await readPublicState()).logo?.id).toBe(kept);
    }
  });

  it("refuses an id that names no upload", async () => {
    await signInAs("admin");
    const answer = await saveSettingsAction({}, settingsFields({ socialImageMediaId: crypto.randomUUID() }));
    expect(answer.error).toBe("That default social image can't be used: upload the image again.");
  });
});
