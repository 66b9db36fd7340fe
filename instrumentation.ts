/** Runs once when a server process starts, before it answers anyone. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ openFrontCache }, { currentPublicState }, { startPublishingScheduler }] = await Promise.all([
    import("./lib/public/front-cache"),
    import("./lib/public/state"),
    import("./lib/workflow/scheduler"),
  ]);
  openFrontCache(async () => (await currentPublicState()).version);
  await startPublishingScheduler();
}
