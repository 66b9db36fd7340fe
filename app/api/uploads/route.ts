import { ImageRejected, MAX_UPLOAD_BYTES } from "@/lib/media/process-image";
import { MEDIA_STORAGE_UNAVAILABLE, MediaStorageUnavailable } from "@/lib/media/storage";
import { storeUpload } from "@/lib/media/upload";
import { can } from "@/lib/policy";
import { takeAttempt, tooManyMessage } from "@/lib/rate-limits";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/request-limits";
import { isSameOrigin } from "@/lib/same-origin";
import { currentUser } from "@/lib/session";

const TOO_LARGE = `The image is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;

const refuse = (status: number, error: string) => Response.json({ error }, { status });

/**
 * POST multipart/form-data with one field, `file`: stores the image (see lib/media/upload.ts) and
 * answers 201 `{ id, src, width, height }`. Every refusal is JSON `{ error }` with a sentence for people.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return refuse(401, "Your session has ended. Sign in again to upload images.");
  if (!can(user, "image.upload")) return refuse(403, "You don't have permission to upload images.");
  if (!isSameOrigin(request)) return refuse(403, "The upload was refused because it did not come from this site.");
  const wait = await takeAttempt("upload", user.id);
  if (wait > 0) {
    return Response.json({ error: tooManyMessage(wait) }, { status: 429, headers: { "Retry-After": String(wait) } });
  }
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get("content-type") ?? "")) {
    return refuse(415, "Send the image as multipart/form-data, in a field named “file”.");
  }
  // scripts/next-server.ts has already refused larger bodies; this holds when the app runs without it.
  if (Number(request.headers.get("content-length")) > MAX_UPLOAD_BODY_BYTES) return refuse(413, TOO_LARGE);

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, "The upload could not be read: the form data is malformed or incomplete.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return refuse(400, "Choose an image to upload: the form has no file in the field “file”.");
  if (file.size > MAX_UPLOAD_BYTES) return refuse(413, TOO_LARGE);

  try {
    const stored = await storeUpload(Buffer.from(await file.arrayBuffer()), file.name, user.id);
    return Response.json({ id: stored.id, src: stored.src, width: stored.width, height: stored.height }, { status: 201 });
  } catch (error) {
    if (error instanceof ImageRejected) return refuse(422, error.message);
    if (error instanceof MediaStorageUnavailable) {
      console.error(`Storing an upload: ${error.message}`);
      return Response.json({ error: MEDIA_STORAGE_UNAVAILABLE }, { status: 503, headers: { "Retry-After": "10" } });
    }
    console.error("Storing an upload failed", error);
    return refuse(500, "The image could not be saved. Try again in a moment.");
  }
}
