import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const queries = vi.hoisted(() => ({
  bringPublishedStoriesLive: vi.fn<() => Promise<number>>(),
  publishDueStories: vi.fn<() => Promise<number>>(),
}));
vi.mock("@/db/queries/live-stories", () => ({ bringPublishedStoriesLive: queries.bringPublishedStoriesLive }));
vi.mock("@/db/queries/story-transitions", () => ({ publishDueStories: queries.publishDueStories }));

const { startPublishingScheduler } = await import("@/lib/workflow/scheduler");
const { beginShutdown } = await import("@/lib/shutdown");

describe("the publishing scheduler's start", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    queries.bringPublishedStoriesLive.mockReset();
    queries.publishDueStories.mockReset();
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    const globals = globalThis as unknown as { mastheadScheduler?: NodeJS.Timeout };
    clearInterval(globals.mastheadScheduler);
    delete globals.mastheadScheduler;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  // Next answers 500 to every request of a process whose instrumentation hook threw.
  it("survives a database that fails at start-up, and catches up on a later tick", async () => {
    queries.bringPublishedStoriesLive.mockRejectedValueOnce(new Error("Connection terminated due to connection timeout"));
    queries.bringPublishedStoriesLive.mockResolvedValue(0);
    queries.publishDueStories.mockResolvedValue(0);

    await expect(startPublishingScheduler()).resolves.toBeUndefined();
    expect(queries.publishDueStories).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1_000);
    expect(queries.bringPublishedStoriesLive).toHaveBeenCalledTimes(2);
    expect(queries.publishDueStories).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(queries.bringPublishedStoriesLive).toHaveBeenCalledTimes(2);
    expect(queries.publishDueStories).toHaveBeenCalledTimes(2);
  });

  // Last: the process-wide shutdown state stays set for the rest of this file.
  it("stops on shutdown: the tick under way finishes first, and no tick follows", async () => {
    queries.bringPublishedStoriesLive.mockResolvedValue(0);
    let finishTick: () => void = () => {};
    queries.publishDueStories
      .mockResolvedValueOnce(0)
      .mockImplementationOnce(() => new Promise((resolve) => (finishTick = () => resolve(1))))
      .mockResolvedValue(0);
    await startPublishingScheduler();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(queries.publishDueStories).toHaveBeenCalledTimes(2);

    let stopped = false;
    const stopping = beginShutdown().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(stopped, "waits for the tick under way").toBe(false);
    expect(queries.publishDueStories).toHaveBeenCalledTimes(2);
    finishTick();
    await stopping;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(queries.publishDueStories).toHaveBeenCalledTimes(2);

    const globals = globalThis as unknown as { mastheadScheduler?: NodeJS.Timeout };
    delete globals.mastheadScheduler;
    await startPublishingScheduler();
    expect(queries.bringPublishedStoriesLive, "a stopping server starts no new scheduler").toHaveBeenCalledTimes(1);
  });
});
