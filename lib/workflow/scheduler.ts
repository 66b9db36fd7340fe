import "server-only";
import { bringPublishedStoriesLive } from "@/db/queries/live-stories";
import { publishDueStories } from "@/db/queries/story-transitions";

/** Well inside the promise that a scheduled story is public within 5 s of its time. */
const TICK_MS = 1_000;

const globalForScheduler = globalThis as unknown as { mastheadScheduler?: NodeJS.Timeout };

/**
 * Publishes what fell due while no server was running, then checks every second. Every instance
 * runs one; the database decides who publishes each story (publishDueStories).
 */
export async function startPublishingScheduler(): Promise<void> {
  if (globalForScheduler.mastheadScheduler) return;
  await bringPublishedStoriesLive();
  const caughtUp = await publishDueStories();
  if (caughtUp > 0) console.log(`Published ${caughtUp} scheduled ${caughtUp === 1 ? "story" : "stories"} that fell due while no server was running.`);
  let running = false;
  globalForScheduler.mastheadScheduler = setInterval(() => {
    if (running) return;
    running = true;
    publishDueStories()
      .catch((error: unknown) => console.error("Scheduled publishing failed; retrying in a second.", error))
      .finally(() => {
        running = false;
      });
  }, TICK_MS);
  globalForScheduler.mastheadScheduler.unref();
}
