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
 * When the kernel started the process (Linux's /proc), or null where that cannot be read. A pid
 * alone is not enough: after a crash and a reboot or a container restart, the dead holder's pid
 * often belongs to some other live process, and the newsroom would refuse to start for good.
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, counted after the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote the lock still runs: same pid and, where known, same start time. */
function holderRuns(lock: string): { pid: number; runs: boolean } {
  const [pidText, recordedStart] = lock.trim().split(/\s+/);
  const pid = Number.parseInt(pidText, 10);
  if (!Number.isInteger(pid) || pid === process.pid || !isAlive(pid)) return { pid, runs: false };
  const start = processStartTime(pid);
  // Unknown either side (a lock from an older Masthead, or no /proc): the live pid counts, to be safe.
  return { pid, runs: !recordedStart || start === null || start === recordedStart };
}

/**
 * PGlite takes no lock of its own, and two processes on one data directory corrupt it.
 * A file created with O_EXCL holding the pid and its start time is the lock; one left by a
 * killed process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx", 0o600);
      fs.writeSync(fd, `${process.pid} ${processStartTime(process.pid) ?? ""}`.trim());
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = holderRuns(fs.readFileSync(lockPath, "utf8"));
      if (holder.runs) {
        throw new DataDirInUseError(
          `The data directory ${dataDir} is already in use by another Masthead database (pid ${holder.pid}). Stop it first, or set DATA_DIR to another directory.`,
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
