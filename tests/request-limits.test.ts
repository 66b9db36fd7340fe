import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, checkRequestBody } from "@/lib/request-limits";

describe("checkRequestBody", () => {
  it("lets reads and bodies within the limit through", () => {
    expect(checkRequestBody("GET", {})).toEqual({ ok: true });
    expect(checkRequestBody("POST", { "content-length": String(MAX_BODY_BYTES) })).toEqual({ ok: true });
    expect(checkRequestBody("POST", {})).toEqual({ ok: true });
  });

  it("refuses a body over the limit before reading it", () => {
    expect(checkRequestBody("POST", { "content-length": String(MAX_BODY_BYTES + 1) })).toMatchObject({ ok: false, status: 413 });
  });

  it("asks for a length when the body is streamed or the length is nonsense", () => {
    expect(checkRequestBody("POST", { "transfer-encoding": "chunked" })).toMatchObject({ ok: false, status: 411 });
    expect(checkRequestBody("PUT", { "content-length": "lots" })).toMatchObject({ ok: false, status: 411 });
  });
});
