import type { APIRequestContext } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "../db/schema";
import { createStaff, testDb } from "./support/database";
import { expect, test } from "./support/fixtures";
import { bumpPublicVersion, insertStory, uniqueWord, waitUntilLive } from "./support/public-site";
import { servers } from "./support/servers";

/** Asked twice, the second answer comes from the front cache (retried: other tests move the public version). */
async function expectKept(request: APIRequestContext, path: string) {
  await expect
    .poll(async () => {
      await request.get(path);
      return (await request.get(path)).headers()["x-cache"];
    })
    .toBe("hit");
}

const nonceIn = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test("a story page answered from the server's front cache has its own nonce and changes with the public version", async ({ request }) => {
  const staff = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: `Harbour crane ${uniqueWord()} returns`, authorId: staff.id });
  await waitUntilLive(request, story.path);

  await expectKept(request, story.path);
  const answers = [await request.get(story.path), await request.get(story.path)];
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

test("the home page is kept too, for readers only, and shows a newly published story on the next request", async ({ request }) => {
  await expectKept(request, "/");

  // The framework's own navigation requests get their payload from Next, never the kept HTML.
  const navigation = await request.get("/", { headers: { RSC: "1" } });
  expect(navigation.headers()["x-cache"]).toBeUndefined();
  expect(navigation.headers()["content-type"]).toMatch(/^text\/x-component/);
  // A search is never kept (each counts against its address's limit).
  await request.get("/search?q=harbour");
  expect((await request.get("/search?q=harbour")).headers()["x-cache"]).toBeUndefined();

  const staff = await createStaff(servers.newsroom, "writer");
  const story = await insertStory({ headline: `Night ferry ${uniqueWord()} timetable`, authorId: staff.id });
  await waitUntilLive(request, story.path);
  expect(await (await request.get("/")).text()).toContain(story.headline);
});
