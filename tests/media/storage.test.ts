import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileMediaStorage, InvalidMediaKey, mediaStorage } from "@/lib/media/storage";

const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-storage-"));
const root = path.join(sandbox, "media");
const storage = new FileMediaStorage(root);
const bytes = (text: string) => Buffer.from(text);

afterAll(() => fs.rmSync(sandbox, { recursive: true, force: true }));

describe("FileMediaStorage", () => {
  it("stores, reads back and replaces a file, leaving no temporary files behind", async () => {
    await storage.put("one/original.jpg", bytes("first"));
    await storage.put("one/original.jpg", bytes("second"));
    expect((await storage.get("one/original.jpg"))?.toString()).toBe("second");
    expect(fs.readdirSync(path.join(root, "one"))).toEqual(["original.jpg"]);
  });

  it("answers null for a file that is not there", async () => {
    expect(await storage.get("nobody/original.jpg")).toBeNull();
    expect(await storage.get("one/w480.webp")).toBeNull();
  });

  it.each([
    "../outside.jpg",
    "one/../../outside.jpg",
    "/etc/passwd",
    "one/..",
    "..",
    "one/.tmp-123",
    "one//original.jpg",
    "one\\..\\..\\outside.jpg",
    "",
    "one/original.jpg/",
  ])("refuses the key %j without touching the disk", async (key) => {
    await expect(storage.put(key, bytes("x"))).rejects.toBeInstanceOf(InvalidMediaKey);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidMediaKey);
    expect(fs.existsSync(path.join(sandbox, "outside.jpg"))).toBe(false);
  });

  it("cleans up its temporary file when the final rename fails", async () => {
    fs.mkdirSync(path.join(root, "two", "original.png", "occupied"), { recursive: true });
    await expect(storage.put("two/original.png", bytes("x"))).rejects.toThrow();
    expect(fs.readdirSync(path.join(root, "two"))).toEqual(["original.png"]);
  });

  it("deletes one whole folder, not others sharing its first letters, and not outside the root", async () => {
    await storage.put("abc/original.png", bytes("x"));
    await storage.put("abcd/original.png", bytes("y"));
    await storage.delete("abc");
    expect(fs.existsSync(path.join(root, "abc"))).toBe(false);
    expect((await storage.get("abcd/original.png"))?.toString()).toBe("y");
    await expect(storage.delete("..")).rejects.toBeInstanceOf(InvalidMediaKey);
    await expect(storage.delete("")).rejects.toBeInstanceOf(InvalidMediaKey);
    expect(fs.existsSync(root)).toBe(true);
  });

  it("lives in DATA_DIR/media, read when asked", async () => {
    const before = process.env.DATA_DIR;
    process.env.DATA_DIR = sandbox;
    try {
      await mediaStorage().put("three/w480.webp", bytes("z"));
      expect(fs.readFileSync(path.join(root, "three", "w480.webp"), "utf8")).toBe("z");
    } finally {
      process.env.DATA_DIR = before;
    }
  });
});
