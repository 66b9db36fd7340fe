import "server-only";
import crypto from "node:crypto";

/**
 * Why story addresses render through a loopback request: an App Router page can only answer 200,
 * 404 (notFound), 401/403 or a 307/308 redirect, but an old story address must answer 301 and an
 * unpublished story's address 410 with a real page. So /[section]/[slug] is a route handler that
 * resolves the address and sets the status, and the page itself is rendered by the internal page
 * /_story/[key], fetched from this same process. The HTML is cached per public version
 * (lib/public/reads.ts), so the loopback trip is paid once per story per published change,
 * and a cached story costs one tiny query. proxy.ts stays what the rules say it is.
 *
 * The internal page answers only requests carrying this process's token, so /_story/… is not a
 * second public address for anything.
 */
const globalForRender = globalThis as unknown as { mastheadRenderToken?: string };

function renderToken(): string {
  globalForRender.mastheadRenderToken ??= crypto.randomBytes(24).toString("base64url");
  return globalForRender.mastheadRenderToken;
}

const TOKEN_HEADER = "x-masthead-render";
const ORIGIN_HEADER = "x-masthead-origin";

/** The origin readers used, when this request is our own internal render; otherwise null. */
export function internalRenderOrigin(headers: Headers): string | null {
  const token = headers.get(TOKEN_HEADER);
  if (!token || token.length !== renderToken().length) return null;
  if (!crypto.timingSafeEqual(Buffer.from(token), Buffer.from(renderToken()))) return null;
  return headers.get(ORIGIN_HEADER);
}

function loopbackBase(): string {
  const host = process.env.HOST;
  const address = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return `http://${address}:${process.env.PORT || 3000}`;
}

export type RenderedPage = { status: number; html: string };

export async function renderInternally(path: string, origin: string): Promise<RenderedPage> {
  const response = await fetch(`${loopbackBase()}${path}`, {
    headers: { [TOKEN_HEADER]: renderToken(), [ORIGIN_HEADER]: origin, accept: "text/html" },
    cache: "no-store",
    redirect: "manual",
  });
  const html = await response.text();
  // Only the two answers the internal page gives on purpose; anything else is an error, never cached.
  if (response.status !== 200 && response.status !== 404) {
    throw new Error(`Internal render of ${path} answered ${response.status}.`);
  }
  return { status: response.status, html };
}
