import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir, processStartTime } from "@/db/embedded/data-dir-lock";
import { exitCode } from "./support/processes";

let dataDir: string;
let unrelated: ChildProcess;
const lockPath = () => path.join(dataDir, "masthead.lock");

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-lock-"));
  // Stands for whatever live process got the crashed holder's pid.
  unrelated = spawn("sleep", ["60"], { stdio: "ignore" });
});
afterAll(async () => {
  unrelated.kill("SIGKILL");
  await exitCode(unrelated);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the data directory lock", () => {
  it("records the holder's pid and start time, and is released", () => {
    const unlock = lockDataDir(dataDir);
    expect(fs.readFileSync(lockPath(), "utf8")).toBe(`${process.pid} ${processStartTime(process.pid)}`);
    unlock();
    expect(fs.existsSync(lockPath())).toBe(false);
  });

  it("is refused while the holder runs", () => {
    fs.writeFileSync(lockPath(), `${unrelated.pid} ${processStartTime(unrelated.pid!)}`);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    // A lock written before start times were recorded: a live pid is trusted.
    fs.writeFileSync(lockPath(), String(unrelated.pid));
    expect(() => lockDataDir(dataDir)).toThrow(/already in use by another Masthead database \(pid \d+\)/);
    fs.rmSync(lockPath());
  });

  it("is taken over from a holder killed with kill -9", async () => {
    const dead = spawn("true");
    await exitCode(dead);
    fs.writeFileSync(lockPath(), `${dead.pid} 1`);
    lockDataDir(dataDir)();
  });

  it("is taken over when the dead holder's pid now belongs to another process", () => {
    fs.writeFileSync(lockPath(), `${unrelated.pid} 1`);
    const unlock = lockDataDir(dataDir);
    expect(fs.readFileSync(lockPath(), "utf8")).toMatch(new RegExp(`^${process.pid} `));
    unlock();
  });
});
