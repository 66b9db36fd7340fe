import { describe, expect, it } from "vitest";
import { LIMITS, takeAttempt, tooManyMessage } from "@/lib/rate-limits";

describe("rate limits kept in Postgres", () => {
  it("let the allowed number through, then answer how long to wait", async () => {
    const key = `address-${crypto.randomUUID()}`;
    for (let attempt = 0; attempt < LIMITS.passwordReset.points; attempt += 1) {
      expect(await takeAttempt("passwordReset", key)).toBe(0);
    }
    const wait = await takeAttempt("passwordReset", key);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(LIMITS.passwordReset.seconds);
    // Another address, and another kind of attempt from the same one, are counted apart.
    expect(await takeAttempt("passwordReset", `address-${crypto.randomUUID()}`)).toBe(0);
    expect(await takeAttempt("inviteAcceptance", key)).toBe(0);
  });

  it("say so in words", () => {
    expect(tooManyMessage(30)).toBe("Too many attempts. Try again in a minute.");
    expect(tooManyMessage(600)).toBe("Too many attempts. Try again in 10 minutes.");
  });
});
