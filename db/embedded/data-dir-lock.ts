import fs from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {}

const LOCK_FILE = "masthead.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite takes no lock of its own, and two processes on one data directory corrupt it.
 * A pid file created with O_EXCL is the lock; one left by a killed process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx", 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(
          `The data directory ${dataDir} is already in use by another Masthead database (pid ${holder}). Stop it first, or set DATA_DIR to another directory.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock the data directory ${dataDir}; another process keeps taking it.`);
}

/** The live process holding the data directory (a running Masthead database), or null when it is free. */
export function lockHolder(dataDir: string): number | null {
  let holder: number;
  try {
    holder = Number.parseInt(fs.readFileSync(path.join(dataDir, LOCK_FILE), "utf8"), 10);
  } catch {
    return null;
  }
  return Number.isInteger(holder) && isAlive(holder) ? holder : null;
}
