import type { Role } from "@/db/schema";

export const ROLE_LABELS: Record<Role, string> = { writer: "Writer", editor: "Editor", admin: "Admin" };

/** For pickers in the browser, without loading the database schema there. */
export const ROLE_CHOICES = Object.keys(ROLE_LABELS) as Role[];
