import { LIBRARY_PAGE_SIZE, listLibrary } from "@/db/queries/media-library";
import { libraryImage } from "@/lib/media/library-image";
import { can } from "@/lib/policy";
import { currentUser } from "@/lib/session";

const MAX_QUERY_LENGTH = 200;

/**
 * GET ?q=words&page=n&mine=1: one page of the media library for the picker, as JSON
 * `{ images, total, pageSize }`. `mine=1` keeps to the caller's own uploads (what an avatar may use).
 */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401 });
  if (!can(user, "media.browse")) return Response.json({ error: "You don't have permission to browse the library." }, { status: 403 });
  const params = new URL(request.url).searchParams;
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  const { items, total } = await listLibrary({
    words: (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH),
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    uploaderId: params.get("mine") === "1" ? user.id : undefined,
  });
  return Response.json(
    { images: items.map(libraryImage), total, pageSize: LIBRARY_PAGE_SIZE },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
