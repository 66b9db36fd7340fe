import crypto from "node:crypto";
import { messageHost } from "./config";

export type EmailContent = {
  subject: string;
  /** Plain paragraphs; each becomes a paragraph in both parts. */
  paragraphs: string[];
  /** The one thing to do, as a link in both parts. */
  action?: { label: string; href: string };
  /** Why the person gets this, shown small at the end. */
  footer?: string;
};

export type ComposedEmail = { subject: string; text: string; html: string; messageId: string };

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * Both parts of a message from the same words: plain text for any client, and simple HTML with no
 * remote images, no styles sheets and no tracking.
 */
export function composeEmail(publicationName: string, content: EmailContent): ComposedEmail {
  const subject = content.subject.replace(/[\r\n]+/g, " ").slice(0, 250);
  const textParts = [...content.paragraphs];
  if (content.action) textParts.push(`${content.action.label}:\n${content.action.href}`);
  textParts.push(`— ${publicationName}`);
  if (content.footer) textParts.push(content.footer);

  const htmlParts = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`);
  if (content.action) {
    htmlParts.push(`<p><a href="${escapeHtml(content.action.href)}">${escapeHtml(content.action.label)}</a></p>`);
    htmlParts.push(`<p>Or copy this address into your browser:<br>${escapeHtml(content.action.href)}</p>`);
  }
  htmlParts.push(`<p>— ${escapeHtml(publicationName)}</p>`);
  if (content.footer) htmlParts.push(`<p><small>${escapeHtml(content.footer)}</small></p>`);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${htmlParts.join("\n")}</body></html>`;

  return { subject, text: `${textParts.join("\n\n")}\n`, html, messageId: `<${crypto.randomUUID()}@${messageHost()}>` };
}
