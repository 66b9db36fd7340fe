import { describe, expect, it } from "vitest";
import { formatInZone, isKnownTimeZone, toZonedLocalInput, zonedLocalToUtc } from "@/lib/time-zone";

describe("publication time zone", () => {
  it("reads a typed wall-clock time in the publication's zone", () => {
    expect(zonedLocalToUtc("2026-11-25T14:30", "Europe/Berlin")?.toISOString()).toBe("2026-11-25T13:30:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T09:00", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T09:00", "UTC")?.toISOString()).toBe("2026-07-01T09:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T09:00", "Asia/Kolkata")?.toISOString()).toBe("2026-07-01T03:30:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T09:00:45", "UTC")?.toISOString()).toBe("2026-07-01T09:00:45.000Z");
  });

  it.each(["", "tomorrow", "2026-02-31T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "2026-01-01 10:00", "2026-01-01T10:00:60", "2026-03-29T02:30"])(
    "refuses %j (malformed, impossible, or skipped by DST in Berlin)",
    (typed) => {
      expect(zonedLocalToUtc(typed, "Europe/Berlin")).toBeNull();
    },
  );

  it("round-trips through the datetime-local value and always shows the zone", () => {
    const instant = new Date("2026-11-25T13:30:00Z");
    expect(toZonedLocalInput(instant, "Europe/Berlin")).toBe("2026-11-25T14:30");
    expect(formatInZone(instant, "Europe/Berlin")).toMatch(/14:30.*(CET|GMT\+1)/);
    expect(formatInZone(instant, "UTC")).toMatch(/13:30.*UTC/);
  });

  it("knows real zones only", () => {
    expect(isKnownTimeZone("Europe/Berlin")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
  });
});
