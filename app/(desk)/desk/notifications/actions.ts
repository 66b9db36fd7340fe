"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { markNotificationsRead } from "@/db/queries/notifications";
import { currentUser } from "@/lib/session";

/** Only the caller's own notifications: there is nothing else to authorize. */
export async function markNotificationsReadAction(): Promise<void> {
  const user = await currentUser();
  if (!user) redirect("/login?notice=session-ended");
  await markNotificationsRead(user.id);
  revalidatePath("/desk", "layout");
}
