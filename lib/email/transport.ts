import nodemailer from "nodemailer";
import type { OutboxMessage } from "@/db/queries/email-outbox";
import { mailFromAddress } from "./config";

export type SendEmail = (message: OutboxMessage, senderName: string) => Promise<void>;

/**
 * SMTP from a URL: smtp:// upgrades with STARTTLS whenever the server offers it, smtps:// is TLS
 * from the first byte (nodemailer reads both from the URL). Short timeouts, so a server that
 * hangs delays one worker tick, never a request.
 */
export function smtpSender(url: string): SendEmail {
  const transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return async (message, senderName) => {
    await transport.sendMail({
      from: { name: senderName, address: mailFromAddress() },
      to: message.recipient,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: message.headers,
    });
  };
}

/** SMTP answers 5xx for what will never succeed (no such mailbox, refused): no point retrying. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
