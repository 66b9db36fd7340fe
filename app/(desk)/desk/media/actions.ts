"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { recordAudit } from "@/db/queries/audit";
import { findMedia } from "@/db/queries/media";
import { deleteMediaIfUnused, updateMediaDetails } from "@/db/queries/media-library";
import { mediaStorage } from "@/lib/media/storage";
import { describeUsage } from "@/lib/media/usage";
import { can } from "@/lib/policy";
import { FORBIDDEN, staffAction } from "@/lib/server-action";
import { IMAGE_TEXT_LIMITS } from "@/lib/story-body/validate-content";

const GONE = "That image is no longer in the library: reload the page.";
const mediaId = z.uuid("Unknown image.");
const text = (name: string, limit: number) => z.string().trim().max(limit, `Keep the ${name} under ${limit.toLocaleString("en")} characters.`);

const detailsForm = z.strictObject({
  mediaId,
  alt: text("alt text", IMAGE_TEXT_LIMITS.alt),
  caption: text("caption", IMAGE_TEXT_LIMITS.caption),
  credit: text("credit", IMAGE_TEXT_LIMITS.credit),
});

/** The library's alt text, caption and credit: the defaults offered wherever the image is placed next. */
export const saveMediaDetailsAction = staffAction(detailsForm, async ({ mediaId: id, ...details }, user) => {
  const image = await findMedia(id);
  if (!image) return { error: GONE };
  if (!can(user, "image.editDetails", image)) return { error: FORBIDDEN };
  if (!(await updateMediaDetails(id, details))) return { error: GONE };
  revalidatePath("/desk/media");
  return { success: "Saved." };
});

/** Only an image nothing shows; its files go with it. */
export const deleteMediaAction = staffAction(z.strictObject({ mediaId }), async ({ mediaId: id }, user) => {
  const image = await findMedia(id);
  if (!image) return { error: GONE };
  if (!can(user, "image.delete", image)) return { error: FORBIDDEN };
  const outcome = await deleteMediaIfUnused(id);
  if ("missing" in outcome) return { error: GONE };
  if (!outcome.deleted) {
    const places = outcome.usages.map(describeUsage);
    return { error: `This image can't be deleted while it is used: ${places.join("; ")}. Remove it from there first.` };
  }
  // The row is gone, so nothing links the files any more; if removing them fails, media:clean sweeps them.
  await mediaStorage()
    .delete(id)
    .catch((error: unknown) => console.error(`Removing the files of deleted image ${id}`, error));
  await recordAudit({ actorId: user.id, action: "image_deleted", targetType: "media", targetId: id, metadata: { originalName: image.originalName } });
  revalidatePath("/desk/media");
  return { success: "Image deleted." };
});
