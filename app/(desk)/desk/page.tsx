import { ROLE_LABELS } from "@/lib/roles";
import { requirePermission } from "@/lib/session";

const ROLE_INTROS = {
  writer: "Draft and revise your stories, then submit them for review.",
  editor: "Review, edit, approve and schedule the newsroom's stories.",
  admin: "Everything an editor can do, plus staff, settings and sections.",
};

export default async function DeskHome() {
  const user = await requirePermission("desk.enter");
  return (
    <section>
      <h1 className="font-serif text-3xl font-bold">Welcome, {user.displayName}</h1>
      <p className="mt-2 text-stone-700">
        You are signed in as <strong>{ROLE_LABELS[user.role]}</strong>. {ROLE_INTROS[user.role]}
      </p>
    </section>
  );
}
