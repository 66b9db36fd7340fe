import type { EmailMode } from "@/db/schema";

/** The editorial events a person may also hear about by email, as the bell names them. */
export const EMAIL_KINDS = {
  submitted: { label: "A story is submitted for review", notifications: ["submit"], default: "off" },
  changesRequested: { label: "Changes are requested on your story", notifications: ["requestChanges"], default: "immediate" },
  approved: { label: "Your story is approved", notifications: ["approve"], default: "off" },
  scheduled: { label: "Your story is scheduled", notifications: ["schedule"], default: "off" },
  published: { label: "Your story is published", notifications: ["publishNow", "scheduledPublish"], default: "immediate" },
  updatePublished: { label: "An update to your story is published", notifications: ["publishUpdate"], default: "off" },
  unpublished: { label: "Your story is unpublished", notifications: ["unpublish"], default: "off" },
  mention: { label: "Someone mentions you in a comment", notifications: ["mention"], default: "immediate" },
} as const satisfies Record<string, { label: string; notifications: readonly string[]; default: EmailMode }>;

export type EmailKind = keyof typeof EMAIL_KINDS;
export const EMAIL_KIND_NAMES = Object.keys(EMAIL_KINDS) as EmailKind[];

export function isEmailKind(value: string): value is EmailKind {
  return Object.hasOwn(EMAIL_KINDS, value);
}

/** The email kind a bell notification belongs to. */
export function emailKindOf(notificationKind: string): EmailKind | undefined {
  return EMAIL_KIND_NAMES.find((kind) => (EMAIL_KINDS[kind].notifications as readonly string[]).includes(notificationKind));
}

/** A person's mode for each kind: their own choice where they made one, otherwise the default. */
export function modesWithDefaults(chosen: readonly { kind: string; mode: EmailMode }[]): Record<EmailKind, EmailMode> {
  const modes = Object.fromEntries(EMAIL_KIND_NAMES.map((kind) => [kind, EMAIL_KINDS[kind].default])) as Record<EmailKind, EmailMode>;
  for (const { kind, mode } of chosen) if (isEmailKind(kind)) modes[kind] = mode;
  return modes;
}
