import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { STORY_STATUSES, type StoryStatus, auditLog, comments, notifications, publicStories, shareLinks, stories, storyRevisions } from "@/db/schema";
import { createReadyStory, createUser } from "./support/factories";

// Who is asking comes from the session cookie; everything after it (the database re-check of the
// person, the policy, the action) is the real code.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, sessionVersion: 1 } : null),
  signIn: vi.fn(),
  signOut: vi.fn(),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
}));

const { saveStoryAction, transitionStoryAction, deleteStoryAction } = await import("@/app/(desk)/desk/stories/actions");
const { addCommentAction } = await import("@/app/(desk)/desk/stories/comment-actions");
const { createShareLinkAction } = await import("@/app/(desk)/desk/stories/share-actions");
const { openDeskStory } = await import("@/lib/desk-story");
const { getEditableStory } = await import("@/db/queries/stories");

type Actor = "anonymous" | "writer (byline)" | "writer (not byline)" | "editor" | "admin" | "deactivated byline";
const ACTORS: Actor[] = ["anonymous", "writer (byline)", "writer (not byline)", "editor", "admin", "deactivated byline"];

/** The product rules' tables, written out again here so the actions are held to them, not to lib/policy. */
function expected(actor: Actor, action: string, status: StoryStatus): boolean {
  const desk = actor === "editor" || actor === "admin";
  const owner = actor === "writer (byline)";
  const may = desk || owner;
  const from = (...statuses: StoryStatus[]) => statuses.includes(status);
  switch (action) {
    case "open / preview":
    case "comment":
      return may;
    case "save":
      return desk || (owner && from("draft", "changes_requested"));
    case "submit":
      return may && from("draft", "changes_requested");
    case "withdraw":
      return may && from("in_review");
    case "delete":
      return may && from("draft"); // the drafts made here were never submitted
    case "request changes":
      return desk && from("in_review", "approved", "scheduled");
    case "approve":
      return desk && from("in_review");
    case "schedule":
      return desk && from("approved");
    case "unschedule":
      return desk && from("scheduled");
    case "publish now":
      return desk && from("approved", "scheduled");
    case "unpublish":
      return desk && from("published");
    case "republish":
      return desk && from("unpublished");
    case "create share link":
      return desk;
    default:
      throw new Error(`No rule for ${action}`);
  }
}

type Attempt = (storyId: string) => Promise<boolean>;
const transition = (name: string, extras: Record<string, unknown> = {}): Attempt => async (storyId) => {
  const [story] = await db().select({ revision: stories.revision }).from(stories).where(eq(stories.id, storyId));
  return !(await transitionStoryAction({ storyId, name, baseRevision: story.revision, ...extras })).error;
};
const redirectsAway = async (step: () => Promise<unknown>) => {
  try {
    await step();
    return false;
  } catch (error) {
    return String(error).includes("REDIRECT /desk/stories");
  }
};
const future = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);

const ACTIONS: Record<string, Attempt> = {
  "open / preview": async (storyId) => {
    try {
      await openDeskStory(storyId);
      return true;
    } catch (error) {
      if (String(error).includes("NOT_FOUND") || String(error).includes("REDIRECT /login")) return false;
      throw error;
    }
  },
  save: async (storyId) => {
    const story = (await getEditableStory(storyId))!;
    const { headline, dek, slug, slugLocked, sectionId, seoTitle, seoDescription, tags, body } = story;
    const { featuredImageId, featuredImageAlt, featuredImageCaption, featuredImageCredit } = story;
    const draft = { headline: `${headline}!`, dek, slug, slugLocked, sectionId, seoTitle, seoDescription, tags, body };
    const image = { featuredImageId, featuredImageAlt, featuredImageCaption, featuredImageCredit };
    const result = await saveStoryAction({ storyId, baseRevision: story.revision, explicit: true, draft: { ...draft, ...image } });
    return result.kind === "saved";
  },
  submit: transition("submit"),
  withdraw: transition("withdraw"),
  "request changes": transition("requestChanges", { note: "Tighten the top." }),
  approve: transition("approve"),
  schedule: transition("schedule", { publishAt: future }),
  unschedule: transition("unschedule"),
  "publish now": transition("publishNow"),
  unpublish: transition("unpublish", { note: "Legal asked us to." }),
  republish: transition("republish"),
  comment: async (storyId) => !!(await addCommentAction({ storyId, body: "A word on the second paragraph.", parentId: null, anchor: null })).comments,
  delete: (storyId) => redirectsAway(() => deleteStoryAction({ storyId })),
  "create share link": async (storyId) => !!(await createShareLinkAction({ storyId, hours: 48 })).createdPath,
};

/** Everything a refused call could have touched. */
async function footprint(storyId: string) {
  const rows = async (table: typeof auditLog | typeof comments | typeof shareLinks | typeof storyRevisions | typeof notifications | typeof publicStories, column: unknown) =>
    (await db().select({ n: count() }).from(table).where(eq(column as typeof comments.storyId, storyId)))[0].n;
  const [story] = await db().select().from(stories).where(eq(stories.id, storyId));
  return {
    story,
    audit: await rows(auditLog, auditLog.targetId),
    comments: await rows(comments, comments.storyId),
    shareLinks: await rows(shareLinks, shareLinks.storyId),
    revisions: await rows(storyRevisions, storyRevisions.storyId),
    notifications: await rows(notifications, notifications.storyId),
    live: await rows(publicStories, publicStories.storyId),
  };
}

const people = {
  owner: await createUser({ role: "writer" }),
  other: await createUser({ role: "writer" }),
  editor: await createUser({ role: "editor" }),
  admin: await createUser({ role: "admin" }),
  deactivated: await createUser({ role: "writer", active: false }),
};
const sessionFor: Record<Actor, string | null> = {
  anonymous: null,
  "writer (byline)": people.owner.id,
  "writer (not byline)": people.other.id,
  editor: people.editor.id,
  admin: people.admin.id,
  "deactivated byline": people.deactivated.id,
};

let cases = 0;

describe("permission matrix: every role × action × status, through the server actions", () => {
  for (const [action, attempt] of Object.entries(ACTIONS)) {
    for (const status of STORY_STATUSES) {
      for (const actor of ACTORS) {
        const allowed = expected(actor, action, status);
        it(`${actor} ${allowed ? "may" : "may not"} ${action} a ${status} story`, async () => {
          cases += 1;
          const byline = actor === "deactivated byline" ? people.deactivated.id : people.owner.id;
          const story = await createReadyStory(byline, status, status === "published" ? { publishedAt: new Date() } : {});
          const before = await footprint(story.id);
          session.userId = sessionFor[actor];
          const succeeded = await attempt(story.id);
          session.userId = null;
          expect(succeeded).toBe(allowed);
          if (!allowed) expect(await footprint(story.id)).toEqual(before);
        });
      }
    }
  }
});

afterAll(() => {
  console.log(`permission matrix: ${cases} cases (${ACTORS.length} roles × ${Object.keys(ACTIONS).length} actions × ${STORY_STATUSES.length} statuses)`);
});
