import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Runs one of our scripts the way npm would, with a clean DATABASE_URL so it owns DATA_DIR.
 * `detached` gives it a process group of its own, so a test can kill it and its children at once.
 */
export function runScript(script: string, args: string[], env: Record<string, string>, { detached = false } = {}): ChildProcess {
  const { DATABASE_URL: _external, ...baseEnv } = process.env;
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...baseEnv, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached,
  });
}

export function output(child: ChildProcess): { text: () => string } {
  let text = "";
  child.stdout?.on("data", (chunk) => (text += chunk));
  child.stderr?.on("data", (chunk) => (text += chunk));
  return { text: () => text };
}

export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; saw: ${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk;
      const match = seen.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; saw: ${seen}`));
    });
  });
}

export function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Runs a script to its end: its exit code and everything it printed. */
export async function runToEnd(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; text: string }> {
  const child = runScript(script, args, env);
  const log = output(child);
  const code = await exitCode(child);
  return { code, text: log.text().trim() };
}
