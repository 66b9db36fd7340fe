/** Runs once when a server process starts, before it answers anyone. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startPublishingScheduler }, { startEmailWorker }, { startPurgeWorker }] = await Promise.all([
    import("./lib/workflow/scheduler"),
    import("./lib/email/worker"),
    import("./lib/public/purge"),
  ]);
  await startPublishingScheduler();
  startEmailWorker();
  startPurgeWorker();
}
