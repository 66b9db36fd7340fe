import "server-only";
import { bringPublishedStoriesLive } from "@/db/queries/live-stories";
import { publishDueStories } from "@/db/queries/story-transitions";
import { isShuttingDown, onShutdown } from "@/lib/shutdown";

/** Well inside the promise that a scheduled story is public within 5 s of its time. */
const TICK_MS = 1_000;

const globalForScheduler = globalThis as unknown as { mastheadScheduler?: NodeJS.Timeout };

/** What fell due while no server was running, and published stories still missing a live version. */
async function catchUp(): Promise<void> {
  await bringPublishedStoriesLive();
  const published = await publishDueStories();
  if (published > 0) console.log(`Published ${published} scheduled ${published === 1 ? "story" : "stories"} that fell due while no server was running.`);
}

/**
 * Catches up, then publishes due stories every second. Every instance runs one; the database
 * decides who publishes each story (publishDueStories). Never throws: Next fails every request
 * of a process whose instrumentation hook threw, so a database that is slow or away at start-up
 * must only delay the catch-up to a later tick.
 */
export async function startPublishingScheduler(): Promise<void> {
  if (globalForScheduler.mastheadScheduler || isShuttingDown()) return;
  let caughtUp = await catchUp().then(
    () => true,
    (error: unknown) => {
      console.error("Catching up on scheduled publishing failed; retrying every second.", error);
      return false;
    },
  );
  let running: Promise<void> | undefined;
  const scheduler = setInterval(() => {
    if (running) return;
    const work = caughtUp ? publishDueStories() : catchUp().then(() => void (caughtUp = true));
    running = work
      .then(() => undefined)
      .catch((error: unknown) => console.error("Scheduled publishing failed; retrying in a second.", error))
      .finally(() => {
        running = undefined;
      });
  }, TICK_MS);
  scheduler.unref();
  globalForScheduler.mastheadScheduler = scheduler;
  // No new tick once the server stops; the one under way finishes before the database pool closes.
  onShutdown("stop work", "publishing scheduler", async () => {
    clearInterval(scheduler);
    await running;
  });
}
