import type { IncomingMessage, ServerResponse } from "node:http";
import { routeStoryAddress, STORY_ROUTING_HEADER } from "../lib/public/story-routing";

function decodedPathname(pathname: string): string | undefined {
  try {
    // The router matches decoded segments, so /news/%62ridge is /news/bridge to Next as well.
    return pathname.split("/").map(decodeURIComponent).join("/");
  } catch {
    return undefined;
  }
}

/** Sets `status` on Next's answer, unless Next answers with something other than a page. */
function answerWith(res: ServerResponse, status: number): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((code: number, ...rest: unknown[]) => writeHead(code === 200 ? status : code, ...rest)) as ServerResponse["writeHead"];
}

/**
 * Sends a reader's request for a story address where lib/public/story-routing.ts says: answers an
 * old address's 301 itself (true), or points the request at the story page for Next to render
 * (false). Every other request passes untouched, except that nobody may send the routing mark.
 */
export async function routeStoryRequest(req: IncomingMessage, res: ServerResponse, arrivedAt: number): Promise<boolean> {
  delete req.headers[STORY_ROUTING_HEADER];
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = new URL(req.url ?? "/", "http://story-routing");
  const pathname = decodedPathname(url.pathname);
  if (pathname === undefined) return false;

  const route = await routeStoryAddress(pathname, url.search, arrivedAt);
  if (!route) return false;
  if (route.kind === "redirect") {
    res.writeHead(301, { location: route.location, "cache-control": "no-store" });
    res.end();
    return true;
  }
  // The query stays: the framework's own requests carry a parameter it checks.
  req.url = `${route.path}${url.search}`;
  Object.assign(req.headers, route.headers);
  if (route.status) answerWith(res, route.status);
  return false;
}
