export type UploadedImage = { id: string; src: string; width: number; height: number };

/**
 * Sends one image to the upload route; the error, if any, is the server's sentence for people.
 * XMLHttpRequest rather than fetch, because only it reports upload progress (0 to 1).
 */
export function uploadImage(file: File, onProgress?: (fraction: number) => void): Promise<UploadedImage> {
  const form = new FormData();
  form.append("file", file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/uploads");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onerror = () => reject(new Error("The image could not be uploaded: you seem to be offline."));
    request.onload = () => {
      const answer = (request.response ?? {}) as Partial<UploadedImage> & { error?: string };
      if (request.status >= 200 && request.status < 300 && answer.src) resolve(answer as UploadedImage);
      else reject(new Error(answer.error ?? "The image could not be uploaded."));
    };
    request.send(form);
  });
}
