import type { Role } from "@/db/schema";
import { NOTIFICATION_TEXT } from "@/lib/workflow/notification-text";
import type { EmailContent } from "./compose";
import { publicLink } from "./config";

const article = (role: Role) => (role === "writer" ? "a" : "an");

export function passwordResetEmail(token: string): EmailContent {
  return {
    subject: "Reset your password",
    paragraphs: [
      "Someone (we hope you) asked to reset the password of your account in the newsroom.",
      "The link works once, for one hour. If you did not ask, ignore this email: your password stays as it is.",
    ],
    action: { label: "Set a new password", href: publicLink(`/reset/${token}`) },
  };
}

export function invitationEmail(role: Role, inviterName: string, token: string): EmailContent {
  return {
    subject: `You're invited to join the newsroom as ${article(role)} ${role}`,
    paragraphs: [`${inviterName} invited you to join the newsroom as ${article(role)} ${role}.`, "The link works once, for 7 days."],
    action: { label: "Join the newsroom", href: publicLink(`/invite/${token}`) },
  };
}

export function passwordChangedEmail(): EmailContent {
  return {
    subject: "Your password was changed",
    paragraphs: [
      "The password of your account in the newsroom was just changed, and every other session was signed out.",
      "If this was not you, ask an admin to reset your password at once.",
    ],
    action: { label: "Sign in", href: publicLink("/login") },
  };
}

/** To the address the account had: if the change was not theirs, this is the only warning they get. */
export function emailChangedOldAddressEmail(newEmail: string, when: string): EmailContent {
  return {
    subject: "Your email address was changed",
    paragraphs: [
      `The email address of your account in the newsroom was changed to ${newEmail} on ${when}. Sign-ins and emails now use that address, not this one.`,
      "If this was not you, someone knows your password: ask an admin at once to set your address back and to reset your password.",
    ],
  };
}

export function emailChangedNewAddressEmail(oldEmail: string, when: string): EmailContent {
  return {
    subject: "This is now your newsroom email address",
    paragraphs: [`The email address of your account in the newsroom was changed from ${oldEmail} to this one on ${when}. Sign in with it from now on.`],
    action: { label: "Sign in", href: publicLink("/login") },
  };
}

export function roleChangedEmail(from: Role, to: Role): EmailContent {
  return {
    subject: `You are now ${article(to)} ${to}`,
    paragraphs: [`An admin changed your role in the newsroom from ${from} to ${to}.`],
    action: { label: "Open the desk", href: publicLink("/desk") },
  };
}

export type StoryEvent = { kind: string; actorName: string | null; headline: string; note: string | null };

/** "Ada Lovelace requested changes to “Ferry timetable”." */
export function describeEvent(event: StoryEvent): string {
  const who = event.actorName ?? "The scheduler";
  const headline = `“${event.headline || "Untitled story"}”`;
  if (event.kind === "mention") return `${who} mentioned you in a comment on ${headline}.`;
  return `${who} ${NOTIFICATION_TEXT[event.kind] ?? event.kind} ${headline}.`;
}

export function storyLink(storyId: string): string {
  return publicLink(`/desk/stories/${storyId}/edit`);
}

export function notificationEmail(event: StoryEvent & { storyId: string }, unsubscribeHint: string): EmailContent {
  const sentence = describeEvent(event);
  return {
    subject: sentence.replace(/\.$/, ""),
    paragraphs: event.note ? [sentence, `Note: ${event.note}`] : [sentence],
    action: { label: "Open the story", href: storyLink(event.storyId) },
    footer: unsubscribeHint,
  };
}

export type DigestStory = { storyId: string; headline: string; events: StoryEvent[] };

export function digestEmail(day: string, stories: DigestStory[]): EmailContent {
  const count = stories.reduce((sum, story) => sum + story.events.length, 0);
  return {
    subject: `Your newsroom digest for ${day}: ${count} ${count === 1 ? "update" : "updates"}`,
    paragraphs: stories.map((story) =>
      [
        story.headline || "Untitled story",
        ...story.events.map((event) => `• ${describeEvent(event)}${event.note ? ` Note: ${event.note}` : ""}`),
        storyLink(story.storyId),
      ].join("\n"),
    ),
    action: { label: "Change which emails you get", href: publicLink("/desk/profile") },
  };
}
