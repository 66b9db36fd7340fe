import "server-only";
import { headers } from "next/headers";
import { requestOrigin } from "./urls";

/** The origin for canonical and feed URLs: the reader's. */
export async function pageOrigin(): Promise<string> {
  const requestHeaders = await headers();
  return requestOrigin(requestHeaders);
}
