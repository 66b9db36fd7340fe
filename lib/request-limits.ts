/** Bodies larger than this are refused before the app reads them. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The image upload route alone takes more: a 20 MB image plus its multipart framing. */
export const UPLOAD_PATH = "/api/uploads";
export const MAX_UPLOAD_BODY_BYTES = 21 * 1024 * 1024;

export type BodyVerdict = { ok: true } | { ok: false; status: 411 | 413; message: string };

/** The limit for a request target such as "/api/uploads?x=1"; only that exact path gets the larger one. */
export function bodyLimitFor(target: string | undefined): number {
  const pathname = (target ?? "").split("?", 1)[0];
  return pathname === UPLOAD_PATH ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

/** Decided from the headers alone, so an oversized body is never read. */
export function checkRequestBody(
  method: string | undefined,
  target: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): BodyVerdict {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return { ok: true };
  const length = headers["content-length"];
  if (length === undefined) {
    if (headers["transfer-encoding"] === undefined) return { ok: true };
    return { ok: false, status: 411, message: "Send the request with a Content-Length header." };
  }
  const bytes = Number(Array.isArray(length) ? length[0] : length);
  if (!Number.isFinite(bytes) || bytes < 0) return { ok: false, status: 411, message: "The Content-Length header is not a number." };
  const limit = bodyLimitFor(target);
  if (bytes > limit) {
    const size = limit === MAX_BODY_BYTES ? `${limit / 1024} KB` : `${limit / 1024 / 1024} MB`;
    return { ok: false, status: 413, message: `The request is too large: the limit is ${size}.` };
  }
  return { ok: true };
}
