import { onShutdown } from "./shutdown";

/**
 * Background work of one server process (the publishing scheduler, the email worker, the cache purge worker): `tick`
 * every `intervalMs`, never two at once, a failure logged and left to the next tick. Once the
 * server stops there is no new tick, and the one under way finishes before the database pool closes.
 */
export function repeatInBackground(name: string, intervalMs: number, tick: () => Promise<unknown>, failure: string): NodeJS.Timeout {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .then(() => undefined)
      .catch((error: unknown) => console.error(failure, error))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  onShutdown(name, async () => {
    clearInterval(timer);
    await running;
  });
  return timer;
}
