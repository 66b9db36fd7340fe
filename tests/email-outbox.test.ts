import net from "node:net";
import { eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { emailOutbox } from "@/db/schema";
import { createUser } from "./support/factories";
import { linkIn, smtpSinkForThisFile, startSmtpSink } from "./support/smtp-sink";

process.env.PUBLIC_URL = "https://news.example.test";
process.env.MAIL_FROM = "desk@news.example.test";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { deliverDueEmails, MAX_ATTEMPTS } = await import("@/lib/email/worker");
const { smtpSender } = await import("@/lib/email/transport");
const { queueEmails } = await import("@/lib/email/queue");
const { createInvite } = await import("@/db/queries/staff-admin");
const { listOutbox } = await import("@/db/queries/email-outbox");
const { getPublication } = await import("@/db/queries/publication");
const { retryEmailAction } = await import("@/app/(desk)/desk/admin/email/actions");
const { FORBIDDEN } = await import("@/lib/server-action");

const sink = smtpSinkForThisFile();
beforeEach(() => {
  session.user = null;
  sink().refuse(null);
});

const tag = () => crypto.randomUUID().slice(0, 8);
const deliver = (now?: Date) => deliverDueEmails(smtpSender(sink().url), now);

async function queueTestEmails(count: number, to: (index: number) => string, subject: string) {
  await db().transaction((tx) =>
    queueEmails(
      tx,
      Array.from({ length: count }, (_, index) => ({ kind: "test", to: to(index), content: { subject: `${subject} ${index}`, paragraphs: ["Hello."] } })),
    ),
  );
}

async function outboxRows(recipient: string) {
  return db().select().from(emailOutbox).where(eq(emailOutbox.recipient, recipient));
}

/** A loopback port nothing listens on: an SMTP server that is down. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("the outbox", () => {
  it("sends a text and an HTML part, a Message-ID on the publication's host, the publication as sender, links on PUBLIC_URL", async () => {
    const admin = await createUser({ role: "admin" });
    const email = `invitee-${tag()}@newsroom.test`;
    const { token } = await createInvite(email, "writer", admin.id);
    await deliver();
    const received = await sink().waitFor((message) => message.to.includes(email));
    expect(received.mail.subject).toBe("You're invited to join the newsroom as a writer");
    expect(received.mail.from?.value[0]).toEqual({ address: "desk@news.example.test", name: (await getPublication()).name });
    expect(received.mail.messageId).toMatch(/@news\.example\.test>$/);
    expect(received.mail.text).toContain(`${admin.displayName} invited you`);
    expect(received.mail.html).toContain(`href="https://news.example.test/invite/${token}"`);
    expect(received.mail.html).not.toMatch(/<img|<script|style=/i);
    expect(linkIn(received, "https://news.example.test")).toBe(`https://news.example.test/invite/${token}`);
    expect((await outboxRows(email))[0]).toMatchObject({ status: "sent", attempts: 1, text: "", html: "" });
  });

  it.each(["starttls", "implicit"] as const)("talks TLS to a server that offers it (%s)", async (tls) => {
    const email = `sealed-${tls}-${tag()}@newsroom.test`;
    await queueTestEmails(1, () => email, "Sealed");
    const secured = await startSmtpSink({ tls });
    try {
      await deliverDueEmails(smtpSender(secured.url));
      expect((await secured.waitFor((message) => message.to.includes(email))).secure).toBe(true);
    } finally {
      await secured.stop();
    }
  });

  it("keeps a message while SMTP is down and delivers it, with backoff, once the server is back", async () => {
    const email = `patient-${tag()}@newsroom.test`;
    const admin = await createUser({ role: "admin" });
    await createInvite(email, "editor", admin.id);
    const port = await closedPort();
    const now = new Date();
    const down = await deliverDueEmails(smtpSender(`smtp://127.0.0.1:${port}`), now);
    expect(down.retrying).toBeGreaterThanOrEqual(1);
    const [waiting] = await outboxRows(email);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, kind: "invitation" });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting.dueAt.getTime()).toBe(now.getTime() + 30_000);

    const back = await startSmtpSink({ port });
    try {
      await deliverDueEmails(smtpSender(back.url), now);
      expect(back.received.filter((message) => message.to.includes(email))).toHaveLength(0);
      await deliverDueEmails(smtpSender(back.url), new Date(now.getTime() + 30_000));
      await back.waitFor((message) => message.to.includes(email));
      expect((await outboxRows(email))[0]).toMatchObject({ status: "sent", attempts: 2 });
    } finally {
      await back.stop();
    }
  });

  it("is delivered once per message by two workers running together", async () => {
    const subject = `Pair ${tag()}`;
    const recipients = Array.from({ length: 12 }, (_, index) => `pair-${index}-${tag()}@newsroom.test`);
    await queueTestEmails(recipients.length, (index) => recipients[index], subject);
    await Promise.all([deliver(), deliver()]);
    const arrived = sink().received.filter((message) => message.mail.subject?.startsWith(subject));
    expect(arrived).toHaveLength(recipients.length);
    expect(new Set(arrived.map((message) => message.to[0]))).toEqual(new Set(recipients));
    const rows = await db().select().from(emailOutbox).where(inArray(emailOutbox.recipient, recipients));
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });

  it("marks a permanently refused message failed, lists it for admins, and sends it again on Retry", async () => {
    const email = `refused-${tag()}@newsroom.test`;
    sink().refuse(/^refused-/);
    await queueTestEmails(1, () => email, "Refused");
    await deliver();
    const [failed] = await outboxRows(email);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toMatch(/550/);
    expect((await listOutbox("failed")).map((row) => row.id)).toContain(failed.id);

    const form = new FormData();
    form.set("emailId", failed.id);
    const writer = await createUser();
    session.user = { ...writer, sessionVersion: 1 };
    expect(await retryEmailAction({}, form)).toEqual({ error: FORBIDDEN });
    expect((await outboxRows(email))[0].status).toBe("failed");

    const admin = await createUser({ role: "admin" });
    session.user = { ...admin, sessionVersion: 1 };
    sink().refuse(null);
    expect(await retryEmailAction({}, form)).toEqual({ success: "Queued again." });
    await deliver();
    await sink().waitFor((message) => message.to.includes(email));
    expect((await outboxRows(email))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("gives up after a bounded number of tries", async () => {
    const email = `hopeless-${tag()}@newsroom.test`;
    await queueTestEmails(1, () => email, "Hopeless");
    await db().update(emailOutbox).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(emailOutbox.recipient, email));
    await deliverDueEmails(smtpSender(`smtp://127.0.0.1:${await closedPort()}`));
    expect((await outboxRows(email))[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });
});
