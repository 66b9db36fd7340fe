/** Runs once when a server process starts, before it answers anyone. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ openFrontCache }, { openStoryRouting }, { reads }, { currentPublicState }, { startPublishingScheduler }, { startEmailWorker }] = await Promise.all([
    import("./lib/public/front-cache"),
    import("./lib/public/story-routing"),
    import("./lib/public/reads"),
    import("./lib/public/state"),
    import("./lib/workflow/scheduler"),
    import("./lib/email/worker"),
  ]);
  openStoryRouting(async (sectionSlug, slug, arrivedAt) => reads.storyAddress((await currentPublicState(arrivedAt)).version, sectionSlug, slug));
  openFrontCache(async (arrivedAt) => (await currentPublicState(arrivedAt)).version);
  await startPublishingScheduler();
  startEmailWorker();
}
