import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { publication } from "../schema";

export async function getPublication() {
  const [row] = await db().select().from(publication).where(eq(publication.id, 1));
  return row ?? { name: "Masthead", description: "", language: "en", timezone: "UTC" };
}
