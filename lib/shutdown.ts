import { TookTooLong, withinTime } from "./time-limit";

/**
 * How the app stops when its server process is asked to (SIGTERM or SIGINT): readiness answers
 * 503 at once, and background work (the scheduler, the email worker) stops after its current step,
 * while the server lets the requests under way finish (scripts/next-server.ts). Next bundles its
 * own copy of this module for each part of the app that loads it; each copy hears the signal itself.
 */
const hooks: { name: string; run: () => Promise<void> }[] = [];
let stopping: Promise<void> | undefined;
/** Within the server's own 10 s for requests to finish. */
const STOP_WORK_MS = 8_000;

/** Stops the background work, each hook bounded: a stuck or failing one is reported, not waited for. */
export function beginShutdown(): Promise<void> {
  stopping ??= Promise.all(
    hooks.map((hook) =>
      withinTime(hook.run(), STOP_WORK_MS, `Stopping the ${hook.name}`).catch((error: unknown) =>
        console.error(error instanceof TookTooLong ? `${error.message}; exiting anyway.` : error),
      ),
    ),
  ).then(() => undefined);
  return stopping;
}
process.once("SIGTERM", () => void beginShutdown());
process.once("SIGINT", () => void beginShutdown());

/** True once the process has been asked to stop: readiness answers 503 from then on. */
export function isShuttingDown(): boolean {
  return stopping !== undefined;
}

/** Work to stop when the process is asked to. */
export function onShutdown(name: string, run: () => Promise<void>): void {
  hooks.push({ name, run });
}
