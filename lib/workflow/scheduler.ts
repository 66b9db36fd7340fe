import "server-only";
import { bringPublishedStoriesLive } from "@/db/queries/live-stories";
import { publishDueStories } from "@/db/queries/story-transitions";
import { repeatInBackground } from "@/lib/background-work";
import { purgeStoryChange } from "@/lib/public/purge";
import { isShuttingDown } from "@/lib/shutdown";

/** Well inside the promise that a scheduled story is public within 5 s of its time. */
const TICK_MS = 1_000;

const globalForScheduler = globalThis as unknown as { mastheadScheduler?: NodeJS.Timeout };

/** A scheduled story going live changes the pages it shows on, in shared caches too. */
const purgePublished = (storyId: string) => purgeStoryChange(storyId, null);

/** What fell due while no server was running, and published stories still missing a live version. */
async function catchUp(): Promise<void> {
  await bringPublishedStoriesLive();
  const published = await publishDueStories(new Date(), purgePublished);
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
  globalForScheduler.mastheadScheduler = repeatInBackground(
    "publishing scheduler",
    TICK_MS,
    () => (caughtUp ? publishDueStories(new Date(), purgePublished) : catchUp().then(() => void (caughtUp = true))),
    "Scheduled publishing failed; retrying in a second.",
  );
}
