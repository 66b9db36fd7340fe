import "server-only";
import { connection } from "next/server";
import { cache } from "react";
import { readPublicState } from "@/db/queries/public-publication";

/**
 * The publication and its public version, read once per request (React's cache dedupes the
 * layout's, the metadata's and the page's calls). Never from the build: always request time.
 */
export const publicState = cache(async () => {
  await connection();
  return readPublicState();
});
