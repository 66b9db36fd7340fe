import type { Metadata } from "next";
import { StaffActiveToggle } from "@/components/desk/staff-active-toggle";
import { listStaff } from "@/db/queries/users";
import { ROLE_LABELS } from "@/lib/roles";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Staff" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function StaffPage() {
  const user = await requirePermission("admin.manage");
  const staff = await listStaff();
  return (
    <section>
      <h1 className="font-serif text-3xl font-bold">Staff</h1>
      <table className="mt-6 w-full text-left text-sm">
        <thead className="border-b border-stone-300 text-stone-600">
          <tr>
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th>Last sign-in (UTC)</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {staff.map((person) => (
            <tr key={person.id} className="border-b border-stone-200 align-top">
              <td className="py-2 font-medium">{person.displayName}</td>
              <td>{person.email}</td>
              <td>{ROLE_LABELS[person.role]}</td>
              <td>{person.active ? "Active" : "Deactivated"}</td>
              <td>{person.lastSignInAt ? dateFormat.format(person.lastSignInAt) : "Never"}</td>
              <td className="py-2">
                {person.id !== user.id && (
                  <StaffActiveToggle userId={person.id} name={person.displayName} active={person.active} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
