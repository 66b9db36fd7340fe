import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./newsroom";

/** Email: the outbox, each person's preferences and their daily digests. */

export const EMAIL_STATUSES = ["queued", "sending", "sent", "failed"] as const;

export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * Every email, written in the same transaction as the change that caused it and delivered later
 * by lib/email/worker.ts: an SMTP server that is down or slow never fails or holds up a request.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What it is about (password_reset, invitation, notification…), for the admin page. */
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** Extra headers, e.g. List-Unsubscribe. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    messageId: text("message_id").notNull(),
    status: text("status").$type<EmailStatus>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    /** When a queued message is next due; while sending, when a worker's claim lapses. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.dueAt).where(sql`${t.status} IN ('queued', 'sending')`),
    index("email_outbox_created_idx").on(t.createdAt),
    check("email_outbox_status", sql`${t.status} IN ('queued', 'sending', 'sent', 'failed')`),
  ],
);

export const EMAIL_MODES = ["off", "immediate", "digest"] as const;

export type EmailMode = (typeof EMAIL_MODES)[number];

/** A person's choice for one kind of editorial email; no row means the kind's default. */
export const emailPreferences = pgTable(
  "email_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    mode: text("mode").$type<EmailMode>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), check("email_preferences_mode", sql`${t.mode} IN ('off', 'immediate', 'digest')`)],
);

/**
 * One row per person per day (the publication's day) once their digest has been considered: the
 * primary key lets exactly one instance send it.
 */
export const emailDigests = pgTable(
  "email_digests",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    /** The digest covers notifications up to this moment; the next one starts here. */
    coversUntil: timestamp("covers_until", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
