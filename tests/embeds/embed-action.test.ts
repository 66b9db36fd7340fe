import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { media } from "@/db/schema";
import { type OembedStandIn, startOembedStandIn } from "../support/oembed-stand-in";
import { createUser } from "../support/factories";

// The action's only window on who is asking; everything after it is the real code.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ currentUser: async () => session.user }));

const previous = { dataDir: process.env.DATA_DIR, standIn: process.env.EMBED_FETCH_STAND_IN };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-embed-action-"));
process.env.DATA_DIR = dataDir;

const { addEmbedAction } = await import("@/app/(desk)/desk/stories/embed-actions");
const { FORBIDDEN, SESSION_ENDED } = await import("@/lib/server-action");
const { createDraft } = await import("@/db/queries/stories");

let standIn: OembedStandIn;

beforeAll(async () => {
  standIn = await startOembedStandIn();
  process.env.EMBED_FETCH_STAND_IN = standIn.url;
});

afterAll(async () => {
  await standIn.stop();
  process.env.DATA_DIR = previous.dataDir;
  process.env.EMBED_FETCH_STAND_IN = previous.standIn;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  session.user = null;
});

async function signInAs(role: "writer" | "editor") {
  const user = await createUser({ role });
  session.user = { id: user.id, email: user.email, displayName: user.displayName, role, sessionVersion: 1 };
  return user;
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const mediaRows = async () => (await db().select({ n: count() }).from(media))[0].n;

describe("addEmbedAction", () => {
  it("describes the link for someone who may edit the story", async () => {
    const writer = await signInAs("writer");
    const storyId = await createDraft(writer.id);
    const answer = await addEmbedAction({}, form({ storyId, link: "https://www.youtube.com/watch?v=aqz-KE-bpKQ" }));
    expect(answer).toMatchObject({ embed: { provider: "youtube", title: "Big Buck Bunny 60fps 4K - Official Blender Foundation Short Film" } });
  });

  it("refuses, fetching and storing nothing, someone signed out or not on the story", async () => {
    const owner = await createUser({ role: "writer" });
    const storyId = await createDraft(owner.id);
    const [requestsBefore, rowsBefore] = [standIn.requests.length, await mediaRows()];
    const fields = form({ storyId, link: "https://www.youtube.com/watch?v=aqz-KE-bpKQ" });

    expect(await addEmbedAction({}, fields)).toEqual({ error: SESSION_ENDED });
    await signInAs("writer");
    expect(await addEmbedAction({}, fields)).toEqual({ error: FORBIDDEN });
    expect([standIn.requests.length, await mediaRows()]).toEqual([requestsBefore, rowsBefore]);
  });

  it("answers bad input with a sentence", async () => {
    const writer = await signInAs("writer");
    const storyId = await createDraft(writer.id);
    expect(await addEmbedAction({}, form({ storyId, link: "  " }))).toEqual({ error: "Paste the link to embed." });
    expect(await addEmbedAction({}, form({ storyId: "nope", link: "https://vimeo.com/1" }))).toEqual({ error: "Unknown story." });
    expect(await addEmbedAction({}, form({ storyId, link: "https://example.com/clip" }))).toEqual({
      error: expect.stringMatching(/^This link cannot be embedded/),
    });
  });
});
