import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const queries = vi.hoisted(() => ({
  bringPublishedStoriesLive: vi.fn<() => Promise<number>>(),
  publishDueStories: vi.fn<() => Promise<number>>(),
}));
vi.mock("@/db/queries/live-stories", () => ({ bringPublishedStoriesLive: queries.bringPublishedStoriesLive }));
vi.mock("@/db/queries/story-transitions", () => ({ publishDueStories: queries.publishDueStories }));

const { startPublishingScheduler } = await import("@/lib/workflow/scheduler");

describe("the publishing scheduler's start", () => {
  beforeEach(() => {
    vi.useFakeTimers();
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
});
