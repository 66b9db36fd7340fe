export type UploadedImage = { id: string; src: string; width: number; height: number };

/** Sends one image to the upload route; the error, if any, is the server's sentence for people. */
export async function uploadImage(file: File): Promise<UploadedImage> {
  const form = new FormData();
  form.append("file", file);
  let response: Response;
  try {
    response = await fetch("/api/uploads", { method: "POST", body: form });
  } catch {
    throw new Error("The image could not be uploaded: you seem to be offline.");
  }
  const answer = (await response.json().catch(() => ({}))) as Partial<UploadedImage> & { error?: string };
  if (!response.ok || !answer.src) throw new Error(answer.error ?? "The image could not be uploaded.");
  return answer as UploadedImage;
}
