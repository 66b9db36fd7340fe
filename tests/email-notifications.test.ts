import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { addComment } from "@/db/queries/comments";
import { loadEmailPreferences, saveEmailPreferences } from "@/db/queries/email-preferences";
import { getPublication } from "@/db/queries/publication";
import { applyTransition } from "@/db/queries/story-transitions";
import { emailOutbox } from "@/db/schema";
import { GET, POST } from "@/app/unsubscribe/route";
import { sendDueDigests, localDayAndHour } from "@/lib/email/digest";
import { modesWithDefaults } from "@/lib/email/kinds";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import { smtpSender } from "@/lib/email/transport";
import { deliverDueEmails } from "@/lib/email/worker";
import { createReadyStory, createUser } from "./support/factories";
import { headerLine, smtpSinkForThisFile } from "./support/smtp-sink";

process.env.PUBLIC_URL = "https://news.example.test";

const sink = smtpSinkForThisFile();

const deliver = () => deliverDueEmails(smtpSender(sink().url));
const emailsTo = (recipient: string, kind?: string) =>
  db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.recipient, recipient), kind ? eq(emailOutbox.kind, kind) : undefined));

async function storyInReview() {
  const writer = await createUser();
  const editor = await createUser({ role: "editor" });
  const story = await createReadyStory(writer.id, "in_review");
  return { writer, editor, story };
}

describe("editorial notification emails", () => {
  it("by default tell the writer at once that changes were requested, with the note, who, a desk link and one-click unsubscribe", async () => {
    const { writer, editor, story } = await storyInReview();
    expect(await applyTransition(story.id, "requestChanges", story.revision, editor.id, { note: "Check the ferry times." })).toMatchObject({ kind: "done" });
    await deliver();
    const received = await sink().waitFor((message) => message.to.includes(writer.email));
    expect(received.mail.subject).toBe(`${editor.displayName} requested changes to “${story.headline}”`);
    expect(received.mail.text).toContain("Note: Check the ferry times.");
    expect(received.mail.text).toContain(`https://news.example.test/desk/stories/${story.id}/edit`);
    expect(received.mail.html).toContain(`href="https://news.example.test/desk/stories/${story.id}/edit"`);
    const header = (name: string) => headerLine(received.mail, name);
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const unsubscribe = header("list-unsubscribe")?.match(/^List-Unsubscribe: <(https:\/\/news\.example\.test\/unsubscribe\?token=[^>]+)>$/)?.[1];
    expect(unsubscribe).toBeDefined();
    // What a mail client does for RFC 8058's one-click unsubscribe.
    const answer = await POST(new Request(unsubscribe!, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(answer.status).toBe(200);
    expect((await loadEmailPreferences(writer.id)).modes.changesRequested).toBe("off");
  });

  it("send nothing for a kind that is off (submitted, by default) or turned off", async () => {
    const { writer, editor } = await storyInReview();
    const story = await createReadyStory(writer.id, "approved");
    const draft = await createReadyStory(writer.id, "draft");
    expect(await applyTransition(draft.id, "submit", draft.revision, writer.id, { note: null })).toMatchObject({ kind: "done" });
    expect(await emailsTo(editor.email)).toHaveLength(0);

    const { modes, digestHour } = await loadEmailPreferences(writer.id);
    await saveEmailPreferences(writer.id, { ...modes, published: "off" }, digestHour);
    expect(await applyTransition(story.id, "publishNow", story.revision, editor.id, { note: null })).toMatchObject({ kind: "done" });
    expect(await emailsTo(writer.email)).toHaveLength(0);
  });

  it("tell people mentioned in a comment", async () => {
    const { writer, editor, story } = await storyInReview();
    await addComment({ storyId: story.id, authorId: editor.id, body: `@${writer.slug} the second paragraph needs a source.`, parentId: null, anchor: null });
    await deliver();
    const received = await sink().waitFor((message) => message.to.includes(writer.email));
    expect(received.mail.subject).toBe(`${editor.displayName} mentioned you in a comment on “${story.headline}”`);
    expect(received.mail.text).toContain("the second paragraph needs a source");
  });
});

describe("the daily digest", () => {
  it("arrives once, at the chosen hour, with the day's events grouped per story; an empty day sends nothing", async () => {
    const { timezone } = await getPublication();
    const at = new Date(Date.now() + 3_600_000);
    const { hour, day } = localDayAndHour(at, timezone);
    const { writer, editor, story } = await storyInReview();
    const idle = await createUser();
    for (const person of [writer, idle]) await saveEmailPreferences(person.id, { ...modesWithDefaults([]), approved: "digest", changesRequested: "digest" }, hour);

    const other = await createReadyStory(writer.id, "in_review");
    await applyTransition(story.id, "requestChanges", story.revision, editor.id, { note: "Shorter, please." });
    await applyTransition(other.id, "approve", other.revision, editor.id, { note: null });
    expect(await emailsTo(writer.email)).toHaveLength(0);

    await sendDueDigests(new Date(at.getTime() - 3_600_000));
    expect(await emailsTo(writer.email, "digest")).toHaveLength(0);
    await Promise.all([sendDueDigests(at), sendDueDigests(at)]);
    await sendDueDigests(new Date(at.getTime() + 60_000));
    expect(await emailsTo(writer.email, "digest")).toHaveLength(1);
    expect(await emailsTo(idle.email)).toHaveLength(0);

    await deliver();
    const digest = await sink().waitFor((message) => message.to.includes(writer.email));
    expect(digest.mail.subject).toBe(`Your newsroom digest for ${day}: 2 updates`);
    const text = digest.mail.text ?? "";
    expect(text).toContain(`${story.headline}\n• ${editor.displayName} requested changes to “${story.headline}”. Note: Shorter, please.`);
    expect(text).toContain(`${other.headline}\n• ${editor.displayName} approved “${other.headline}”.`);
    expect(text).toContain(`https://news.example.test/desk/stories/${other.id}/edit`);
  });
});

describe("one-click unsubscribe", () => {
  const unsubscribe = (token: string, method: "GET" | "POST") =>
    (method === "GET" ? GET : POST)(
      new Request(`https://news.example.test/unsubscribe?token=${encodeURIComponent(token)}`, {
        method,
        ...(method === "POST" ? { body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } } : {}),
      }),
    );

  it("turns off that kind for that person only, without signing in; GET only asks", async () => {
    const person = await createUser();
    const neighbour = await createUser();
    const token = unsubscribeToken(person.id, "mention");
    expect((await unsubscribe(token, "GET")).status).toBe(200);
    expect((await loadEmailPreferences(person.id)).modes.mention).toBe("immediate");

    const done = await unsubscribe(token, "POST");
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Emails turned off");
    const after = await loadEmailPreferences(person.id);
    expect(after.modes).toMatchObject({ mention: "off", changesRequested: "immediate", published: "immediate" });
    expect((await loadEmailPreferences(neighbour.id)).modes.mention).toBe("immediate");
  });

  it("refuses a token that was altered to name someone else or another kind", async () => {
    const person = await createUser();
    const neighbour = await createUser();
    const [, kind, signature] = unsubscribeToken(person.id, "mention").split(".");
    expect((await unsubscribe(`${neighbour.id}.${kind}.${signature}`, "POST")).status).toBe(400);
    expect((await unsubscribe(`${person.id}.published.${signature}`, "POST")).status).toBe(400);
    expect((await unsubscribe("garbage", "POST")).status).toBe(400);
    expect((await loadEmailPreferences(neighbour.id)).modes.mention).toBe("immediate");
    expect((await loadEmailPreferences(person.id)).modes.published).toBe("immediate");
  });
});
