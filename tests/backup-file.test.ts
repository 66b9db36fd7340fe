import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { FORMAT_VERSION, type Manifest } from "@/lib/backup/manifest";
import { type BackupRecord, readRecords, verifyBackup } from "@/lib/backup/reader";
import { BackupWriter } from "@/lib/backup/writer";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-backup-file-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// Larger than any read chunk, so lines and media cross chunk boundaries.
const longRow = JSON.stringify({ id: 1, body: { type: "doc", text: "Zoë ☂ \"quoted\"\n".repeat(20_000) } });
const photo = crypto.randomBytes(3_000_000);

function manifest(rows: number): Manifest {
  return {
    format: FORMAT_VERSION,
    mastheadVersion: "0.1.0",
    createdAt: "2026-11-29T21:47:30.123Z",
    source: "embedded",
    migrations: [{ hash: "a".repeat(64), createdAt: "1795641483767" }],
    tables: [{ name: "stories", rows }, { name: "tags", rows: 0 }],
    sequences: [{ name: "audit_log_id_seq", lastValue: "9007199254740993" }],
    media: { files: 2, bytes: photo.length },
  };
}

async function write(file: string, claimedRows: number): Promise<void> {
  const writer = BackupWriter.open(file);
  await writer.record("table", { name: "stories" });
  await writer.row(longRow);
  await writer.row('{"id": 2, "slug": null}');
  await writer.record("table", { name: "tags" });
  await writer.media("0b0e6f2c-6c53-4f8e-9d5e-2a1f3e4d5c6b/original.png", photo);
  await writer.media("0b0e6f2c-6c53-4f8e-9d5e-2a1f3e4d5c6b/empty.png", Buffer.alloc(0));
  await writer.record("manifest", manifest(claimedRows));
  await writer.finish();
}

describe("backup file", () => {
  test("gives back every record exactly, in order", async () => {
    const file = path.join(work, "sound.backup");
    await write(file, 2);
    expect(await verifyBackup(file)).toEqual(manifest(2));
    const records: BackupRecord[] = [];
    for await (const record of readRecords(file)) records.push(record);
    expect(records.map((record) => record.kind)).toEqual(["table", "row", "row", "table", "media", "media", "manifest"]);
    expect(records[1]).toEqual({ kind: "row", json: longRow });
    expect(records[4].kind === "media" && records[4].bytes.equals(photo)).toBe(true);
    expect(records[5]).toMatchObject({ kind: "media", bytes: Buffer.alloc(0) });
  });

  test("a file whose content does not match its manifest is refused", async () => {
    const file = path.join(work, "miscounted.backup");
    await write(file, 3);
    await expect(verifyBackup(file)).rejects.toThrow("The backup file is damaged (its content does not match its manifest); nothing was restored.");
  });

  test("a file that cannot be written fails and leaves nothing behind", async () => {
    const file = path.join(work, "missing-folder", "x.backup");
    const writer = BackupWriter.open(file);
    await expect(writer.record("table", { name: "stories" }).then(() => writer.finish())).rejects.toThrow(/ENOENT/);
    await writer.abandon();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  test("refuses to overwrite an existing file", async () => {
    const file = path.join(work, "taken.backup");
    fs.writeFileSync(file, "keep me");
    expect(() => BackupWriter.open(file)).toThrow(`${file} already exists: choose a new file name for the backup.`);
    expect(fs.readFileSync(file, "utf8")).toBe("keep me");
  });
});
