import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { type ReceivedEmail, startSmtpSink } from "../../tests/support/smtp-sink";
import { PORT_BASE, runDir } from "./servers";

/**
 * The newsroom server sends its email to an SMTP sink that Playwright's global setup starts on a
 * port derived from the port base; the sink writes each message into the run directory, where any
 * worker can read it.
 */
export const SMTP_SINK_PORT = PORT_BASE + 25;
const mailDir = path.join(runDir, "mail");

export default async function startMailSink() {
  const sink = await startSmtpSink({ port: SMTP_SINK_PORT, saveTo: mailDir });
  return () => sink.stop();
}

/** The newest message to `to` whose subject matches, waiting for it to arrive. */
export async function waitForEmail(to: string, subject: RegExp, timeoutMs = 15_000): Promise<Omit<ReceivedEmail, "secure">> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).sort().reverse() : [];
    for (const file of files) {
      const raw = fs.readFileSync(path.join(mailDir, file));
      const mail = await simpleParser(raw);
      const recipients = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((address) => address.value.map((value) => value.address));
      if (recipients.includes(to) && subject.test(mail.subject ?? "")) return { to: recipients.filter((value) => value !== undefined), raw, mail };
    }
    if (Date.now() > deadline) throw new Error(`No email to ${to} matching ${subject} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
