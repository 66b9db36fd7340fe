import "server-only";
import { z } from "zod";
import { findMedia } from "@/db/queries/media";
import { type Actor, canUseImage } from "@/lib/policy";
import { isMediaId } from "./file-names";

/**
 * A form's reference to an uploaded image (an avatar, the logo): absent leaves the stored one as
 * it is, empty removes it, otherwise an upload's id, which `isUsableImage` must accept before it is stored.
 */
export function imageReference(problem: string) {
  return z
    .string()
    .refine((id) => id === "" || isMediaId(id), problem)
    .transform((id) => id || null)
    .optional();
}

/** The id names a stored image this person may put on a page (see lib/policy.ts canUseImage). */
export async function isUsableImage(actor: Actor, id: string): Promise<boolean> {
  const image = await findMedia(id);
  return image !== undefined && image.mimeType.startsWith("image/") && canUseImage(actor, image);
}
