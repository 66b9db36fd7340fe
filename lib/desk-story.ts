import "server-only";
import { notFound } from "next/navigation";
import { findStoryScope, getEditableStory } from "@/db/queries/stories";
import { can } from "./policy";
import { requireUser } from "./session";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * For desk pages about one story: the signed-in person, the story and its policy scope. Someone
 * who may not open it gets a 404 and learns nothing, not even that it exists.
 */
export async function openDeskStory(id: string) {
  const user = await requireUser();
  const [story, scope] = UUID.test(id) ? await Promise.all([getEditableStory(id), findStoryScope(id)]) : [];
  if (!story || !scope || !can(user, "story.open", scope)) notFound();
  return { user, story, scope };
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
