import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { checkActionBody, isActionRequest } from "@/lib/action-body";

/** A server action's body checked before Next decodes it, which answers anything it cannot decode with a bare 500. */
export async function actionBodyAnswer(request: NextRequest): Promise<NextResponse | undefined> {
  const headers = Object.fromEntries(request.headers);
  if (!isActionRequest(request.method, request.nextUrl.pathname, headers)) return undefined;
  let body: Buffer;
  try {
    // Next keeps the body for the route as well (proxyClientMaxBodySize).
    body = Buffer.from(await request.clone().arrayBuffer());
  } catch {
    return plain(400, "The request body is incomplete.");
  }
  const verdict = checkActionBody(request.headers.get("content-type") ?? undefined, body);
  return verdict.ok ? undefined : plain(verdict.status, verdict.message);
}

function plain(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
