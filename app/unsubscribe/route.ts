import { turnOffEmailKind } from "@/db/queries/email-preferences";
import { EMAIL_KINDS } from "@/lib/email/kinds";
import { readUnsubscribeToken } from "@/lib/email/unsubscribe";

/**
 * The List-Unsubscribe address of notification emails. POST is RFC 8058's one-click unsubscribe
 * (mail clients send `List-Unsubscribe=One-Click`) and the confirm button of the page GET shows;
 * GET itself changes nothing, so a link scanner opening it turns nothing off. The signed token
 * is the only credential: it names one person and one kind.
 */
export const dynamic = "force-dynamic";

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}

const BROKEN = () => page(400, "This unsubscribe link does not work", "<p>Change which emails you get on your profile in the desk.</p>");

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const subscription = readUnsubscribeToken(token);
  if (!subscription) return BROKEN();
  return page(
    200,
    "Turn off these emails?",
    `<p>You will no longer get an email when: ${escapeHtml(EMAIL_KINDS[subscription.kind].label.toLowerCase())}.</p><form method="post"><button type="submit" name="List-Unsubscribe" value="One-Click">Turn off</button></form>`,
  );
}

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const subscription = readUnsubscribeToken(token);
  if (!subscription || !(await turnOffEmailKind(subscription.userId, subscription.kind))) return BROKEN();
  return page(
    200,
    "Emails turned off",
    `<p>You will no longer get an email when: ${escapeHtml(EMAIL_KINDS[subscription.kind].label.toLowerCase())}. You can turn it back on in your profile.</p>`,
  );
}
