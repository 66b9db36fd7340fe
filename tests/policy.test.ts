import { describe, expect, it } from "vitest";
import { STORY_STATUSES, type StoryStatus } from "@/db/schema";
import { type Actor, type GeneralAction, type ImageAction, type StoryAction, can, canTransition, canUseImage } from "@/lib/policy";
import { TRANSITIONS, type TransitionName } from "@/lib/workflow/transitions";

const OWNER = { id: "owner", role: "writer" } as const;
const actors: Record<string, Actor> = {
  anonymous: null,
  "writer (owner)": OWNER,
  "writer (not owner)": { id: "other", role: "writer" },
  editor: { id: "editor", role: "editor" },
  admin: { id: "admin", role: "admin" },
};
const story = (status: StoryStatus, everSubmitted = status !== "draft") => ({ status, bylineIds: ["owner", "co-author"], everSubmitted });

// The product rules' "who may do what" table, column by column:
// anonymous, writer (owner), writer (not owner), editor, admin.
const generalRules: Record<GeneralAction, boolean[]> = {
  "desk.enter": [false, true, true, true, true],
  "story.create": [false, true, true, true, true],
  "image.upload": [false, true, true, true, true],
  "media.browse": [false, true, true, true, true],
  "desk.overview": [false, false, false, true, true],
  "admin.manage": [false, false, false, false, true],
  "profile.edit": [false, true, true, true, true],
};

const storyRules: Record<StoryAction, (status: StoryStatus) => boolean[]> = {
  "story.read": (status) => (status === "published" ? [true, true, true, true, true] : [false, true, false, true, true]),
  "story.open": () => [false, true, false, true, true],
  "story.edit": (status) => [false, status === "draft" || status === "changes_requested", false, true, true],
  "story.changeBylines": () => [false, false, false, true, true],
  "story.comment": () => [false, true, false, true, true],
  "story.shareLink": () => [false, false, false, true, true],
  // Statuses other than draft are all submitted at some point; a fresh draft is the only one deletable.
  "story.delete": (status) => (status === "draft" ? [false, true, false, true, true] : [false, false, false, false, false]),
};

describe("policy: general actions", () => {
  for (const [action, expected] of Object.entries(generalRules)) {
    Object.entries(actors).forEach(([who, actor], column) => {
      it(`${who} ${expected[column] ? "may" : "may not"} ${action}`, () => {
        expect(can(actor, action as GeneralAction)).toBe(expected[column]);
      });
    });
  }
});

describe("policy: story actions in every status", () => {
  for (const [action, rule] of Object.entries(storyRules)) {
    for (const status of STORY_STATUSES) {
      const expected = rule(status);
      Object.entries(actors).forEach(([who, actor], column) => {
        it(`${who} ${expected[column] ? "may" : "may not"} ${action} a ${status} story`, () => {
          expect(can(actor, action as StoryAction, story(status))).toBe(expected[column]);
        });
      });
    }
  }
});

describe("policy: a draft that was once submitted is kept", () => {
  it("nobody may delete a draft that went to review and came back", () => {
    for (const actor of Object.values(actors)) expect(can(actor, "story.delete", story("draft", true))).toBe(false);
  });
});

describe("policy: ownership is by byline", () => {
  it("a writer who is a second byline owns the story", () => {
    expect(can({ id: "co-author", role: "writer" }, "story.edit", story("draft"))).toBe(true);
  });
});

describe("policy: using an uploaded image as an avatar, logo or social image", () => {
  // anonymous, writer (owner), writer (not owner), editor, admin; the owner uploaded it.
  const expected = [false, true, false, false, true];
  Object.entries(actors).forEach(([who, actor], column) => {
    it(`${who} ${expected[column] ? "may" : "may not"} use the owner's upload`, () => {
      expect(canUseImage(actor, { uploadedBy: "owner" })).toBe(expected[column]);
    });
  });
  it("an upload whose uploader was removed is the admins' alone", () => {
    expect(canUseImage(OWNER, { uploadedBy: null })).toBe(false);
    expect(canUseImage(actors.admin, { uploadedBy: null })).toBe(true);
  });
});

describe("policy: the media library", () => {
  // anonymous, writer (owner), writer (not owner), editor, admin; the owner uploaded it.
  const imageRules: Record<ImageAction, boolean[]> = {
    "image.editDetails": [false, true, false, true, true],
    "image.delete": [false, true, false, false, true],
  };
  for (const [action, expected] of Object.entries(imageRules)) {
    Object.entries(actors).forEach(([who, actor], column) => {
      it(`${who} ${expected[column] ? "may" : "may not"} ${action} the owner's upload`, () => {
        expect(can(actor, action as ImageAction, { uploadedBy: "owner" })).toBe(expected[column]);
      });
    });
  }
});

describe("policy: transitions", () => {
  const writerMay = new Set(["submit", "withdraw"]);
  for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
    for (const status of STORY_STATUSES) {
      // Only the scheduler publishes on schedule; no person may take that step.
      const startsHere = name !== "scheduledPublish" && (TRANSITIONS[name].from as readonly StoryStatus[]).includes(status);
      const expected = [false, startsHere && writerMay.has(name), false, startsHere, startsHere];
      Object.entries(actors).forEach(([who, actor], column) => {
        it(`${who} ${expected[column] ? "may" : "may not"} ${name} from ${status}`, () => {
          expect(canTransition(actor, name, story(status))).toBe(expected[column]);
        });
      });
    }
  }
});
