import crypto from "node:crypto";
import type { StoryAddress } from "@/db/queries/public-stories";
import { isReservedSectionSlug } from "@/lib/reserved-paths";
import { isPlausibleSlug } from "./params";

/**
 * Why the Node server (scripts/next-server.ts) routes story addresses itself: an App Router page
 * can only answer 200, 404, 401/403 or a 307/308 redirect, but an old story address must answer
 * 301 and an unpublished story's address 410 with a real page. So the server looks the address up
 * before Next sees the request: an old address gets its 301 there, and everything else is handed
 * to the one story page, /_story/[key], rendered in the same pass (the 410 status set on the way
 * out). The lookup is the app's, since the app alone holds the database: it opens this routing at
 * start-up (instrumentation.ts), and the server finds it on globalThis because Next bundles the
 * app separately from the server that loads it; they run in the same process.
 *
 * /_story/… answers only requests the server marked with this process's token, so it is not a
 * second public address for anything.
 */

/** The address as of the public version when the request arrived (see fresh-read.ts). */
type StoryAddressLookup = (sectionSlug: string, slug: string, arrivedAt: number) => Promise<StoryAddress>;
type StoryRouting = { lookup: StoryAddressLookup; token: string };

/** Readers cannot send this mark themselves: the server drops it from every incoming request. */
export const STORY_ROUTING_HEADER = "x-masthead-story";
const globalForRouting = globalThis as unknown as { mastheadStoryRouting?: StoryRouting };

export function openStoryRouting(lookup: StoryAddressLookup): void {
  globalForRouting.mastheadStoryRouting ??= { lookup, token: crypto.randomBytes(24).toString("base64url") };
}

export type StoryRoute =
  | { kind: "redirect"; location: string }
  /** Render `path` for the reader, marked with `headers`; an unpublished story's page answers 410. */
  | { kind: "render"; path: string; headers: Record<string, string>; status?: 410 };

/** Where a request for `/section/slug` goes; undefined for any other path, or before the app has opened the routing. */
export async function routeStoryAddress(pathname: string, search: string, arrivedAt: number): Promise<StoryRoute | undefined> {
  const routing = globalForRouting.mastheadStoryRouting;
  const segments = pathname.split("/");
  if (!routing || segments.length !== 3 || segments[0] !== "") return undefined;
  const [, sectionSlug, slug] = segments;
  if (!isPlausibleSlug(sectionSlug) || isReservedSectionSlug(sectionSlug) || !isPlausibleSlug(slug)) return undefined;

  const address = await routing.lookup(sectionSlug, slug, arrivedAt);
  if (address.kind === "moved") return { kind: "redirect", location: `/${address.sectionSlug}/${address.slug}${search}` };
  const headers = { [STORY_ROUTING_HEADER]: routing.token };
  if (address.kind === "live") return { kind: "render", path: `/_story/${address.storyId}`, headers };
  if (address.kind === "gone") return { kind: "render", path: "/_story/gone", headers, status: 410 };
  // The story page's 404, exactly like a draft's or a story that never existed.
  return { kind: "render", path: "/_story/missing", headers };
}

/** Whether this request was routed to /_story/… by our own server (see above). */
export function isRoutedStoryRequest(headers: Headers): boolean {
  const expected = globalForRouting.mastheadStoryRouting?.token;
  const token = headers.get(STORY_ROUTING_HEADER);
  if (!expected || !token || token.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(token), Buffer.from(expected));
}
