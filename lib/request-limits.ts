/** Bodies larger than this are refused before the app reads them; uploads will get their own limit. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyVerdict = { ok: true } | { ok: false; status: 411 | 413; message: string };

/** Decided from the headers alone, so an oversized body is never read. */
export function checkRequestBody(method: string | undefined, headers: Record<string, string | string[] | undefined>): BodyVerdict {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return { ok: true };
  const length = headers["content-length"];
  if (length === undefined) {
    if (headers["transfer-encoding"] === undefined) return { ok: true };
    return { ok: false, status: 411, message: "Send the request with a Content-Length header." };
  }
  const bytes = Number(Array.isArray(length) ? length[0] : length);
  if (!Number.isFinite(bytes) || bytes < 0) return { ok: false, status: 411, message: "The Content-Length header is not a number." };
  if (bytes > MAX_BODY_BYTES) {
    return { ok: false, status: 413, message: `The request is too large: the limit is ${MAX_BODY_BYTES / 1024} KB.` };
  }
  return { ok: true };
}
