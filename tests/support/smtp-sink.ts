import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

/** `secure`: whether the message came over TLS (STARTTLS or implicit). */
export type ReceivedEmail = { to: string[]; raw: Buffer; mail: ParsedMail; secure: boolean };

export type SmtpSink = {
  url: string;
  port: number;
  received: ReceivedEmail[];
  /** Waits until a received message matches, and returns it. */
  waitFor: (match: (email: ReceivedEmail) => boolean, timeoutMs?: number) => Promise<ReceivedEmail>;
  /** Recipients matching this get 550 (mailbox unavailable), like a permanent failure. */
  refuse: (pattern: RegExp | null) => void;
  stop: () => Promise<void>;
};

/**
 * A real SMTP server on loopback for the tests (smtp-server), which parses what arrives with
 * mailparser. With `saveTo` each message is also written there as an .eml file, for processes
 * that did not start the sink (the browser tests' workers). `tls`: offer STARTTLS, or speak TLS
 * from the first byte (smtps), with smtp-server's own self-signed certificate.
 */
export async function startSmtpSink(options: { port?: number; saveTo?: string; tls?: "starttls" | "implicit" } = {}): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  let refused: RegExp | null = null;
  if (options.saveTo) fs.mkdirSync(options.saveTo, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    secure: options.tls === "implicit",
    disabledCommands: options.tls ? [] : ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused?.test(address.address)) {
        const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        if (options.saveTo) fs.writeFileSync(path.join(options.saveTo, `${Date.now()}-${received.length}-${crypto.randomUUID()}.eml`), raw);
        received.push({ to, raw, mail: await simpleParser(raw), secure: session.secure });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `${options.tls === "implicit" ? "smtps" : "smtp"}://127.0.0.1:${port}${options.tls ? "?tls.rejectUnauthorized=false" : ""}`,
    port,
    received,
    refuse: (pattern) => void (refused = pattern),
    waitFor: async (match, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No matching email arrived; received: ${received.map((email) => `${email.to} “${email.mail.subject}”`).join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message's plain-text part that starts with `origin`. */
export function linkIn(email: ReceivedEmail, origin: string): string {
  const match = (email.mail.text ?? "").match(new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/\\S+`));
  if (!match) throw new Error(`No ${origin} link in “${email.mail.subject}”: ${email.mail.text}`);
  return match[0];
}

/** One sink for the whole test file: started before its first test, stopped after its last. */
export function smtpSinkForThisFile(): () => SmtpSink {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });
  return () => sink!;
}

/** A header line as it was sent ("Name: value"), unfolded. */
export function headerLine(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((line) => line.key === name.toLowerCase())?.line.replace(/\r\n\s+/g, " ");
}
