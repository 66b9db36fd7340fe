import type { Role } from "@/db/schema";

export const ROLE_LABELS: Record<Role, string> = { writer: "Writer", editor: "Editor", admin: "Admin" };
