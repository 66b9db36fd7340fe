import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES, checkRequestBody } from "@/lib/request-limits";

const length = (bytes: number) => ({ "content-length": String(bytes) });

describe("checkRequestBody", () => {
  it("lets reads and bodies within the limit through", () => {
    expect(checkRequestBody("GET", "/", {})).toEqual({ ok: true });
    expect(checkRequestBody("POST", "/desk", length(MAX_BODY_BYTES))).toEqual({ ok: true });
    expect(checkRequestBody("POST", "/desk", {})).toEqual({ ok: true });
  });

  it("refuses a body over the limit before reading it", () => {
    expect(checkRequestBody("POST", "/desk", length(MAX_BODY_BYTES + 1))).toEqual({
      ok: false,
      status: 413,
      message: "The request is too large: the limit is 1024 KB.",
    });
  });

  it("asks for a length when the body is streamed or the length is nonsense", () => {
    expect(checkRequestBody("POST", "/desk", { "transfer-encoding": "chunked" })).toMatchObject({ ok: false, status: 411 });
    expect(checkRequestBody("PUT", "/desk", { "content-length": "lots" })).toMatchObject({ ok: false, status: 411 });
  });

  it("gives the upload route, and only it, room for a 20 MB image", () => {
    expect(MAX_UPLOAD_BODY_BYTES).toBe(21 * 1024 * 1024);
    expect(checkRequestBody("POST", "/api/uploads", length(MAX_UPLOAD_BODY_BYTES))).toEqual({ ok: true });
    expect(checkRequestBody("POST", "/api/uploads?from=editor", length(MAX_UPLOAD_BODY_BYTES))).toEqual({ ok: true });
    expect(checkRequestBody("POST", "/api/uploads", length(MAX_UPLOAD_BODY_BYTES + 1))).toEqual({
      ok: false,
      status: 413,
      message: "The request is too large: the limit is 21 MB.",
    });
  });

  it.each(["/api/uploads/", "/api/uploads/x", "/api/uploadsx", "/API/uploads", "/x/api/uploads", "/desk?/api/uploads", undefined])(
    "keeps the 1 MB limit for %s",
    (target) => {
      expect(checkRequestBody("POST", target, length(MAX_BODY_BYTES + 1))).toMatchObject({ ok: false, status: 413 });
    },
  );
});
