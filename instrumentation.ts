/** Runs once when a server process starts, before it answers anyone. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startPublishingScheduler } = await import("./lib/workflow/scheduler");
  await startPublishingScheduler();
}
