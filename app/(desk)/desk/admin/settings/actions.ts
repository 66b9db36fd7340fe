"use server";

import { purgeWholeSite } from "@/lib/public/purge";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { getPublication, updatePublication } from "@/db/queries/publication";
import { imageReference, isUsableImage } from "@/lib/media/image-reference";
import { can } from "@/lib/policy";
import { FORBIDDEN, staffAction } from "@/lib/server-action";
import { isKnownTimeZone } from "@/lib/time-zone";

const settingsForm = z.strictObject({
  name: z.string().trim().min(1, "Give the publication a name.").max(100, "Keep the name under 100 characters."),
  description: z.string().trim().max(300, "Keep the description under 300 characters."),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "Use a language code such as en, de or pt-BR."),
  timezone: z.string().trim().max(64).refine(isKnownTimeZone, "Choose a timezone from the list."),
  logoMediaId: imageReference("Upload the logo again."),
  socialImageMediaId: imageReference("Upload the default social image again."),
});

export const saveSettingsAction = staffAction(settingsForm, async (settings, user) => {
  if (!can(user, "admin.manage")) return { error: FORBIDDEN };
  if (settings.logoMediaId && !(await isUsableImage(user, settings.logoMediaId))) {
    return { error: "That logo can't be used: upload the image again." };
  }
  if (settings.socialImageMediaId && !(await isUsableImage(user, settings.socialImageMediaId))) {
    return { error: "That default social image can't be used: upload the image again." };
  }
  const before = await getPublication();
  await updatePublication(settings);
  await purgeWholeSite();
  await recordAudit({
    actorId: user.id,
    action: "settings_changed",
    targetType: "publication",
    targetId: "1",
    metadata: {
      before: {
        name: before.name,
        language: before.language,
        timezone: before.timezone,
        logoMediaId: before.logoMediaId,
        socialImageMediaId: before.socialImageMediaId,
      },
      after: settings,
    },
  });
  revalidatePath("/", "layout");
  return { success: "Settings saved. Public pages show them from the next request." };
});
