import { describe, expect, it } from "vitest";
import { freshRead } from "@/lib/public/fresh-read";

/** A read whose answer is the counter's value when the read started, finished by hand. */
function controlledReads() {
  let counter = 0;
  const pending: Array<() => void> = [];
  let started = 0;
  const read = () => {
    started += 1;
    const value = counter;
    return new Promise<number>((resolve) => pending.push(() => resolve(value)));
  };
  return {
    read,
    bump: () => (counter += 1),
    finishNext: async () => {
      pending.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    started: () => started,
  };
}

describe("freshRead", () => {
  it("never answers a caller with a read that started before it arrived", async () => {
    const reads = controlledReads();
    const current = freshRead(reads.read);
    const first = current();
    reads.bump(); // a change commits after the first read started
    const second = current();
    await reads.finishNext();
    expect(await first).toBe(0);
    await reads.finishNext();
    expect(await second).toBe(1);
  });

  it("lets every caller arriving during a read share the one queued behind it", async () => {
    const reads = controlledReads();
    const current = freshRead(reads.read);
    const callers = [current(), ...Array.from({ length: 49 }, () => current())];
    expect(reads.started()).toBe(1);
    await reads.finishNext();
    expect(reads.started()).toBe(2);
    await reads.finishNext();
    const answers = await Promise.all(callers);
    expect(answers).toHaveLength(50);
    expect(reads.started()).toBe(2);
  });

  it("starts afresh after a failed read, and passes the failure only to its own callers", async () => {
    let attempts = 0;
    const current = freshRead(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("connection reset");
      return attempts;
    });
    await expect(current()).rejects.toThrow("connection reset");
    await expect(current()).resolves.toBe(2);
  });
});
