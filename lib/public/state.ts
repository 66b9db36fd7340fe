import "server-only";
import { cache } from "react";
import { pool } from "@/db/client";
import { readPublicState } from "@/db/queries/public-publication";
import { readPublicVersion } from "@/db/queries/public-version";
import { freshRead } from "./fresh-read";

/**
 * The publication and its public version. Requests arriving together share one query (see
 * fresh-read.ts), so a busy site reads it a few hundred times a second, not once per request.
 */
export const currentPublicState = freshRead(readPublicState);

/** The same, once per render: React's cache dedupes the layout's, the metadata's and the page's calls. */
export const publicState = cache(() => currentPublicState());

/** The public version alone, for what needs nothing else (proxy.ts deciding a story address). */
export const currentPublicVersion = freshRead(() => readPublicVersion(pool()));
