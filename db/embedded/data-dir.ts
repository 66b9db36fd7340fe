import fs from "node:fs";
import path from "node:path";

export class DataDirError extends Error {}

export function resolveDataDir(): string {
  // Decided at run time by the operator; nothing for the bundler to trace.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "data");
}

/** Creates the directory if needed and proves it writable, so a bad DATA_DIR fails in one clear line. */
export function prepareDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DataDirError(`DATA_DIR ${dataDir} cannot be used (${reason}): point DATA_DIR at a writable directory.`);
  }
}
