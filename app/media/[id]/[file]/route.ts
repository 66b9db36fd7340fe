import { connection } from "next/server";
import { etagMatches, requestedRange } from "@/lib/media/byte-range";
import { isMediaId, mediaContentType } from "@/lib/media/file-names";
import { MEDIA_STORAGE_UNAVAILABLE, MediaStorageUnavailable, mediaStorage } from "@/lib/media/storage";

// A stored file never changes (a new upload gets a new id), so browsers and CDNs may keep it for good.
const CACHE_FOREVER = "public, max-age=31536000, immutable";
const RETRY_AFTER_SECONDS = "10";

type Params = { params: Promise<{ id: string; file: string }> };

/** Public: readers' pages show these images. Only names the pipeline writes are served, from either driver. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  return serve(request, await params, true);
}

export async function HEAD(request: Request, { params }: Params): Promise<Response> {
  return serve(request, await params, false);
}

async function serve(request: Request, { id, file }: { id: string; file: string }, withBody: boolean): Promise<Response> {
  // Request time, never prerendered: the files appear after the build.
  await connection();
  const contentType = mediaContentType(file);
  if (!isMediaId(id) || !contentType) return plain(404, "Not found.");
  const key = `${id}/${file}`;
  try {
    const info = await mediaStorage().stat(key);
    if (!info) return plain(404, "Not found.");
    const headers: Record<string, string> = {
      "Content-Type": contentType,
      "Cache-Control": CACHE_FOREVER,
      ETag: info.etag,
      "Last-Modified": info.modified.toUTCString(),
      "Accept-Ranges": "bytes",
      "X-Content-Type-Options": "nosniff",
      // Should a file ever be opened as a document, it can run and load nothing.
      "Content-Security-Policy": "default-src 'none'",
    };
    if (etagMatches(request.headers.get("if-none-match"), info.etag)) return new Response(null, { status: 304, headers });

    const range = requestedRange(request.headers.get("range"), info.size);
    if (range === "unsatisfiable") {
      return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${info.size}` } });
    }
    const length = range ? range.end - range.start + 1 : info.size;
    const status = range ? 206 : 200;
    if (range) headers["Content-Range"] = `bytes ${range.start}-${range.end}/${info.size}`;
    headers["Content-Length"] = String(length);
    if (!withBody) return new Response(null, { status, headers });
    // Streamed, never loaded whole: originals may be tens of megabytes.
    const body = await mediaStorage().stream(key, range ?? undefined);
    if (!body) return plain(404, "Not found.");
    return new Response(body, { status, headers });
  } catch (error) {
    if (!(error instanceof MediaStorageUnavailable)) throw error;
    console.error(`Serving /media/${key}: ${error.message}`);
    return plain(503, MEDIA_STORAGE_UNAVAILABLE, { "Retry-After": RETRY_AFTER_SECONDS });
  }
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", ...extra },
  });
}
