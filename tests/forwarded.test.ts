import { describe, expect, it } from "vitest";
import { clientIpFrom } from "@/lib/client-ip";
import { trustedClientAddress } from "@/lib/forwarded";

describe("trustedClientAddress", () => {
  it("ignores a client-sent X-Forwarded-For without a trusted proxy", () => {
    expect(trustedClientAddress("203.0.113.9", "127.0.0.1", false)).toBe("127.0.0.1");
  });

  it("takes the address the trusted proxy appended, not the one the client wrote", () => {
    expect(trustedClientAddress("203.0.113.9, 198.51.100.7", "10.0.0.2", true)).toBe("198.51.100.7");
  });

  it("falls back to the socket when a trusted proxy sent nothing", () => {
    expect(trustedClientAddress(undefined, "::1", true)).toBe("::1");
  });

  it("is what the app reads back", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": trustedClientAddress(["a", "b"], "c", true) }))).toBe("b");
  });
});
