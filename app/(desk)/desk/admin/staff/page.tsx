import type { Metadata } from "next";
import { Avatar } from "@/components/ui/avatar";
import { StaffActiveToggle } from "@/components/desk/staff-active-toggle";
import { InviteForm, ResendInvite, StaffControls } from "@/components/desk/staff-admin";
import { listOpenInvites } from "@/db/queries/staff-admin";
import { listStaff } from "@/db/queries/users";
import { ROLE_LABELS } from "@/lib/roles";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Staff" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function StaffPage() {
  const user = await requirePermission("admin.manage");
  const [staff, invites] = await Promise.all([listStaff(), listOpenInvites()]);
  return (
    <section className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Staff</h1>
      <InviteForm />
      {invites.length > 0 && (
        <div className="text-sm">
          <h2 className="font-semibold">Open invitations</h2>
          <ul aria-label="Open invitations" className="mt-1 list-disc pl-5">
            {invites.map((invite) => (
              <li key={invite.id}>
                {invite.email} as {ROLE_LABELS[invite.role]}, until {dateFormat.format(invite.expiresAt)} UTC
                <ResendInvite email={invite.email} role={invite.role} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <table className="w-full text-left text-sm">
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
              <td className="py-2 font-medium">
                <span className="flex items-center gap-2">
                  <Avatar image={person.avatar} size="small" />
                  {person.displayName}
                </span>
              </td>
              <td>{person.email}</td>
              <td>{ROLE_LABELS[person.role]}</td>
              <td>{person.active ? "Active" : "Deactivated"}</td>
              <td>{person.lastSignInAt ? dateFormat.format(person.lastSignInAt) : "Never"}</td>
              <td className="py-2">
                {person.id !== user.id && (
                  <div className="space-y-2">
                    <StaffActiveToggle userId={person.id} name={person.displayName} active={person.active} />
                    <StaffControls userId={person.id} name={person.displayName} role={person.role} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
