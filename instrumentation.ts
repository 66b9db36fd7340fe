/** Runs once when a server process starts, before it answers anyone. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startPublishingScheduler }, { startEmailWorker }] = await Promise.all([import("./lib/workflow/scheduler"), import("./lib/email/worker")]);
  await startPublishingScheduler();
  startEmailWorker();
}
