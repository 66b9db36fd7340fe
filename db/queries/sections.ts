import "server-only";
import { asc } from "drizzle-orm";
import { db } from "../client";
import { sections } from "../schema";

export async function listSections() {
  return db().select({ id: sections.id, name: sections.name, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.name));
}
