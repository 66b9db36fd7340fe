import { TookTooLong, withinTime } from "./time-limit";

/**
 * How a server process shuts down, shared by scripts/next-server.ts and the app inside Next's
 * bundle. Next bundles its own copy of every module it loads, so a module-level variable here
 * would be two variables; the state lives on globalThis under a registered symbol instead, which
 * both copies reach in the one process. Hooks rather than each module catching SIGTERM itself:
 * the server decides the order (background work stops before the database pool closes).
 */
export type ShutdownStage = "stop work" | "close connections";

type ShutdownState = { started: boolean; hooks: { stage: ShutdownStage; name: string; run: () => Promise<void> }[] };

const KEY = Symbol.for("masthead.shutdown");

function state(): ShutdownState {
  const holder = globalThis as { [KEY]?: ShutdownState };
  holder[KEY] ??= { started: false, hooks: [] };
  return holder[KEY];
}

/** True once the server has been asked to stop: readiness answers 503 from then on. */
export function isShuttingDown(): boolean {
  return state().started;
}

export function onShutdown(stage: ShutdownStage, name: string, run: () => Promise<void>): void {
  state().hooks.push({ stage, name, run });
}

export function beginShutdown(): void {
  state().started = true;
}

/** Runs a stage's hooks together, each bounded: a stuck or failing hook is reported, not waited for. */
export async function runShutdownStage(stage: ShutdownStage, timeoutMs: number): Promise<void> {
  const hooks = state().hooks.filter((hook) => hook.stage === stage);
  await Promise.all(
    hooks.map((hook) =>
      withinTime(hook.run(), timeoutMs, `Stopping the ${hook.name}`).catch((error: unknown) => console.error(error instanceof TookTooLong ? `${error.message}; exiting anyway.` : error)),
    ),
  );
}
