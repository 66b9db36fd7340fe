"use server";

import { purgeWholeSite } from "@/lib/public/purge";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { pageUsingSlug } from "@/db/queries/pages";
import { createSection, deleteEmptySection, moveSection, updateSection } from "@/db/queries/sections";
import { can } from "@/lib/policy";
import { isReservedSectionSlug } from "@/lib/reserved-paths";
import { type ActionState, FORBIDDEN, staffAction } from "@/lib/server-action";
import { SLUG_PATTERN, SLUG_RULE, slugify } from "@/lib/slug";
import type { SessionUser } from "@/db/queries/users";

const sectionName = z.string().trim().min(1, "Give the section a name.").max(60, "Keep the name under 60 characters.");

const createForm = z.strictObject({
  name: sectionName,
  slug: z.string().trim().max(60, "Keep the slug under 60 characters."),
});
const sectionId = z.uuid("That section no longer exists.");
const renameForm = z.strictObject({ sectionId, name: sectionName });
const moveForm = z.strictObject({ sectionId, direction: z.enum(["up", "down"]) });
const hideForm = z.strictObject({ sectionId, hidden: z.enum(["true", "false"]).transform((value) => value === "true") });
const deleteForm = z.strictObject({ sectionId });

async function done(user: SessionUser, action: string, targetId: string, success: string, metadata: Record<string, unknown> = {}): Promise<ActionState> {
  await recordAudit({ actorId: user.id, action, targetType: "section", targetId, metadata });
  // Every public page lists the sections.
  await purgeWholeSite();
  revalidatePath("/desk/admin/sections");
  return { success };
}

export const createSectionAction = staffAction(createForm, async ({ name, slug: typed }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  const slug = typed || slugify(name, 60);
  if (!SLUG_PATTERN.test(slug)) return { error: `Use only ${SLUG_RULE} in the slug.`, values: { name, slug: typed } };
  if (isReservedSectionSlug(slug)) return { error: `“${slug}” is an address the site already uses. Choose another slug.`, values: { name, slug: typed } };
  const page = await pageUsingSlug(slug);
  if (page) return { error: `The page “${page}” already uses “/${slug}”. Choose another slug.`, values: { name, slug: typed } };
  if ((await createSection(name, slug)) === "taken") return { error: `A section already uses the slug “${slug}”.`, values: { name, slug: typed } };
  return done(user, "section_created", slug, `Section “${name}” created at /${slug}.`);
});

export const renameSectionAction = staffAction(renameForm, async ({ sectionId: id, name }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  if (!(await updateSection(id, { name }))) return { error: "That section no longer exists." };
  return done(user, "section_renamed", id, `Renamed to “${name}”.`, { name });
});

export const moveSectionAction = staffAction(moveForm, async ({ sectionId: id, direction }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  await moveSection(id, direction);
  return done(user, "section_moved", id, "Order saved.", { direction });
});

export const hideSectionAction = staffAction(hideForm, async ({ sectionId: id, hidden }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  if (!(await updateSection(id, { hidden }))) return { error: "That section no longer exists." };
  return done(user, hidden ? "section_hidden" : "section_shown", id, hidden ? "Hidden from navigation." : "Shown in navigation.");
});

export const deleteSectionAction = staffAction(deleteForm, async ({ sectionId: id }, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  if (!(await deleteEmptySection(id))) return { error: "Only an empty section can be deleted: move or delete its stories first." };
  return done(user, "section_deleted", id, "Section deleted.");
});
