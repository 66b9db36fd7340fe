import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { isOwnReturnAddress } from "@/lib/safe-redirect";

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

async function returnAddresses(request: NextRequest): Promise<string[]> {
  const found = [request.nextUrl.searchParams.get("callbackUrl"), ...CALLBACK_COOKIES.map((name) => request.cookies.get(name)?.value)];
  if (request.method === "POST" && /^application\/x-www-form-urlencoded/i.test(request.headers.get("content-type") ?? "")) {
    found.push(new URLSearchParams(await request.clone().text()).get("callbackUrl"));
  }
  return found.filter((value): value is string => typeof value === "string");
}

/**
 * Auth.js answers a return address it cannot use with a 500 and follows others to its base URL;
 * any address not on this site is refused here first, with a 400 that says why.
 */
async function guarded(request: NextRequest, handle: (request: NextRequest) => Promise<Response>): Promise<Response> {
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || request.nextUrl.host;
  const addresses = await returnAddresses(request);
  if (addresses.some((address) => !isOwnReturnAddress(address, host))) {
    return new Response("That return address is not on this site.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return handle(request);
}

export const GET = (request: NextRequest) => guarded(request, handlers.GET);
export const POST = (request: NextRequest) => guarded(request, handlers.POST);
