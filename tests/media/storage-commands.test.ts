import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertMedia } from "@/db/queries/media";
import { FileMediaStorage } from "@/lib/media/storage";
import { exitCode, output, runScript } from "../support/processes";
import { type S3StandIn, startS3StandIn } from "../support/s3-server";

// The commands as an operator runs them (`npm run media:migrate`, `npm run media:clean`), on this suite's database.
async function run(script: string, env: Record<string, string>): Promise<{ code: number | null; text: string }> {
  const child = runScript(script, [], { DATABASE_URL: process.env.DATABASE_URL!, ...env });
  const log = output(child);
  const code = await exitCode(child);
  return { code, text: log.text() };
}

let s3: S3StandIn;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-media-commands-"));
const local = new FileMediaStorage(path.join(dataDir, "media"));
const HOUR_AND_A_BIT_AGO = new Date(Date.now() - 61 * 60 * 1000);

beforeAll(async () => {
  s3 = await startS3StandIn();
});
afterAll(async () => {
  await s3.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("starting the app", () => {
  it("stops in one line naming the missing variable when MEDIA_STORAGE=s3 is incomplete", async () => {
    const { S3_BUCKET: _missing, ...incomplete } = s3.env;
    const { code, text } = await run("serve.ts", { DATA_DIR: dataDir, ...incomplete });
    expect(code).toBe(1);
    expect(text.trim()).toBe("masthead: MEDIA_STORAGE=s3 needs S3_BUCKET (the bucket's name).");
  });
});

describe("npm run media:migrate", () => {
  const files = Array.from({ length: 3 }, () => crypto.randomUUID()).flatMap((id, i) => [
    { key: `${id}/original.png`, bytes: crypto.randomBytes(2000 + i) },
    { key: `${id}/w480.webp`, bytes: crypto.randomBytes(500 + i) },
  ]);

  it("refuses to run unless MEDIA_STORAGE=s3, with one sentence", async () => {
    const { code, text } = await run("media-migrate.ts", { DATA_DIR: dataDir, MEDIA_STORAGE: "file" });
    expect(code).toBe(1);
    expect(text.trim()).toBe("masthead: media:migrate copies DATA_DIR/media into a bucket: set MEDIA_STORAGE=s3 and the S3_* variables first.");
  });

  it("copies every local upload into the bucket, resumes after an interruption and copies nothing twice", async () => {
    for (const file of files) await local.put(file.key, file.bytes);
    // As an interrupted run leaves it: one file already copied, one cut short.
    await fetch(`${s3.endpoint}/${s3.bucket}/${files[0].key}`, { method: "PUT", body: new Uint8Array(files[0].bytes) });
    await fetch(`${s3.endpoint}/${s3.bucket}/${files[1].key}`, { method: "PUT", body: new Uint8Array(files[1].bytes.subarray(0, 100)) });

    const first = await run("media-migrate.ts", { DATA_DIR: dataDir, ...s3.env });
    expect(first.code).toBe(0);
    expect(first.text).toContain(`Copying ${path.join(dataDir, "media")} into the bucket ${s3.bucket}.`);
    const copiedBytes = files.slice(1).reduce((sum, file) => sum + file.bytes.length, 0);
    expect(first.text).toContain(`6 of 6 files: 5 copied (${(copiedBytes / 1000).toFixed(1)} kB), 1 already there`);
    expect(await s3.keys()).toEqual(files.map((file) => file.key).sort());
    for (const file of files) expect(await s3.read(file.key)).toEqual(file.bytes);

    const second = await run("media-migrate.ts", { DATA_DIR: dataDir, ...s3.env });
    expect(second.code).toBe(0);
    expect(second.text).toContain("6 of 6 files: 0 copied (0 bytes), 6 already there");
    expect(second.text).toContain(`Done: all 6 files are in the bucket ${s3.bucket}.`);
  });

  it("fails in one line when the bucket cannot be reached", async () => {
    await s3.pause();
    try {
      const { code, text } = await run("media-migrate.ts", { DATA_DIR: dataDir, ...s3.env });
      expect(code).toBe(1);
      expect(text).toMatch(/^masthead: The media bucket \S+ cannot be used: .*ECONNREFUSED/m);
    } finally {
      await s3.resume();
    }
  });
});

describe("npm run media:clean", () => {
  it("removes only stored uploads with no media row that are over an hour old", async () => {
    const [kept, orphan, young] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const env = { DATA_DIR: dataDir, ...s3.env };
    for (const id of [kept, orphan, young]) {
      for (const file of ["original.png", "w480.webp"]) {
        await fetch(`${s3.endpoint}/${s3.bucket}/${id}/${file}`, { method: "PUT", body: "x".repeat(10) });
        if (id !== young) s3.backdate(`${id}/${file}`, HOUR_AND_A_BIT_AGO);
      }
    }
    await insertMedia({ id: kept, uploadedBy: null, originalName: "kept.png", mimeType: "image/png", width: 10, height: 10, bytes: 10 });
    const before = await s3.keys();

    const { code, text } = await run("media-clean.ts", env);
    expect(code).toBe(0);
    expect(text).toContain(`Removed ${orphan}/ (2 files, 20 bytes): no media row points at it.`);
    expect(text).toContain("Removed 1 orphaned uploads (20 bytes).");
    expect(await s3.keys()).toEqual(before.filter((key) => !key.startsWith(`${orphan}/`)));

    expect((await run("media-clean.ts", env)).text).toContain("No orphaned uploads.");
  });
});
