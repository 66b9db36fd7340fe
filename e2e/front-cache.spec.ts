import { eq } from "drizzle-orm";
import * as schema from "../db/schema";
import { createStaff, testDb } from "./support/database";
import { expect, test } from "./support/fixtures";
import { bumpPublicVersion, insertStory, uniqueWord, waitUntilLive } from "./support/public-site";
import { servers } from "./support/servers";

const nonceIn = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test("a story page answered from the server's front cache has its own nonce and changes with the public version", async ({ request }) => {
  const staff = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: `Harbour crane ${uniqueWord()} returns`, authorId: staff.id });
  await waitUntilLive(request, story.path);

  const answers = [await request.get(story.path), await request.get(story.path)];
  expect(answers[1].headers()["x-cache"]).toBe("hit");
  const nonces = answers.map((answer) => nonceIn(answer.headers()["content-security-policy"]));
  expect(nonces[0]).toBeTruthy();
  expect(nonces[1]).not.toBe(nonces[0]);
  for (const [index, answer] of answers.entries()) {
    const html = await answer.text();
    const scriptNonces = new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]));
    expect([...scriptNonces]).toEqual([nonces[index]]);
    expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
  }
  const head = await request.head(story.path);
  expect(head.status()).toBe(200);
  expect(head.headers()["x-cache"]).toBe("hit");

  // A change readers should not see yet (the public version stays) leaves the cached page alone...
  const db = testDb(servers.newsroom);
  const changed = `Harbour crane ${uniqueWord()} returns for good`;
  await db.update(schema.publicStories).set({ headline: changed }).where(eq(schema.publicStories.storyId, story.id));
  expect(await (await request.get(story.path)).text()).not.toContain(changed);
  // ...and the next request after the version moves shows it.
  await bumpPublicVersion();
  const fresh = await request.get(story.path);
  expect(fresh.headers()["x-cache"]).toBeUndefined();
  expect(await fresh.text()).toContain(changed);
});
