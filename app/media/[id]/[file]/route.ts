import { connection } from "next/server";
import { isMediaId, mediaContentType } from "@/lib/media/file-names";
import { mediaStorage } from "@/lib/media/storage";

// A stored file never changes (a new upload gets a new id), so browsers and CDNs may keep it for good.
const CACHE_FOREVER = "public, max-age=31536000, immutable";

/** Public: readers' pages show these images. Only names the pipeline writes are served. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }): Promise<Response> {
  // Request time, never prerendered: the files appear after the build.
  await connection();
  const { id, file } = await params;
  const contentType = mediaContentType(file);
  if (!isMediaId(id) || !contentType) return notFound();
  const bytes = await mediaStorage().get(`${id}/${file}`);
  if (!bytes) return notFound();
  // A view, not a copy: originals may be tens of megabytes. (A file read is never a SharedArrayBuffer.)
  return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "Cache-Control": CACHE_FOREVER,
      "X-Content-Type-Options": "nosniff",
      // Should a file ever be opened as a document, it can run and load nothing.
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}

function notFound(): Response {
  return new Response("Not found.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}
