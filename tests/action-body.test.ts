import { describe, expect, it } from "vitest";
import { checkActionBody, isActionRequest } from "@/lib/action-body";

const body = (text: string) => Buffer.from(text, "utf8");

describe("server action bodies", () => {
  it("are told apart from other posts", () => {
    expect(isActionRequest("POST", "/login", { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" })).toBe(true);
    expect(isActionRequest("POST", "/desk/profile", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
    expect(isActionRequest("POST", "/api/uploads", { "content-type": "multipart/form-data; boundary=x" })).toBe(false);
    expect(isActionRequest("GET", "/login", { "next-action": "abc" })).toBe(false);
    expect(isActionRequest("POST", "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded" })).toBe(false);
  });

  it("pass what React and forms send", () => {
    expect(checkActionBody("text/plain;charset=UTF-8", body('["$K1"]'))).toEqual({ ok: true });
    expect(checkActionBody("text/plain;charset=UTF-8", body("[]"))).toEqual({ ok: true });
    const form = '------b\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.test\r\n------b--\r\n';
    expect(checkActionBody("multipart/form-data; boundary=----b", body(form))).toEqual({ ok: true });
    expect(checkActionBody('multipart/form-data; boundary="----b"', body(form))).toEqual({ ok: true });
  });

  it.each([
    ["text/plain;charset=UTF-8", "{not json"],
    ["text/plain;charset=UTF-8", "[".repeat(50_000)],
    ["text/plain;charset=UTF-8", '"not a list"'],
    ["multipart/form-data; boundary=xyz", "--xyz\r\nbroken"],
    ["multipart/form-data", "--xyz--\r\n"],
  ])("refuse %s %#", (contentType, text) => {
    expect(checkActionBody(contentType, body(text))).toMatchObject({ ok: false, status: 400 });
  });

  it.each(["application/json", "application/x-www-form-urlencoded", undefined])("refuse the content type %s", (contentType) => {
    expect(checkActionBody(contentType, body("[]"))).toMatchObject({ ok: false, status: 415 });
  });
});
