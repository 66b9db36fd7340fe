import "server-only";
import { headers } from "next/headers";
import { internalRenderOrigin } from "./internal-render";
import { requestOrigin } from "./urls";

/** The origin for canonical and feed URLs: the reader's, also when the page is our internal render. */
export async function pageOrigin(): Promise<string> {
  const requestHeaders = await headers();
  return internalRenderOrigin(requestHeaders) ?? requestOrigin(requestHeaders);
}
