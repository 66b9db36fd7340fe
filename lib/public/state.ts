import "server-only";
import { headers } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { readPublicState } from "@/db/queries/public-publication";
import { freshRead } from "./fresh-read";
import { arrivalOf } from "./request-arrival";

/**
 * The publication and its public version as of this request's arrival. Requests arriving together
 * share one query (see fresh-read.ts), so a busy site reads it a few hundred times a second, not
 * once per request.
 */
export const currentPublicState = freshRead(readPublicState);

/**
 * The same, once per request (React's cache dedupes the layout's, the metadata's and the page's
 * calls), shared with the server's own steps for this request. Never from the build: always
 * request time.
 */
export const publicState = cache(async () => {
  await connection();
  return currentPublicState(arrivalOf(await headers()));
});
