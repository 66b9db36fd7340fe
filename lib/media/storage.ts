import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { resolveDataDir } from "@/db/embedded/data-dir";

/**
 * Where media files live. Keys look like `<mediaId>/original.jpg`; the interface is the one an
 * object store offers, so S3 (or similar) can replace the filesystem without touching callers.
 */
export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes every file under the prefix, which must name a whole folder such as `<mediaId>`. */
  delete(prefix: string): Promise<void>;
  /** Every stored key, in no particular order (backups and moving between drivers walk these). */
  list(): AsyncIterable<string>;
  /** Resolves when the store can be reached and written; rejects with the reason otherwise (readiness). */
  check(): Promise<void>;
}

export class InvalidMediaKey extends Error {}

// Each segment starts with a letter or digit, so ".", "..", hidden and temp files can never be named.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9]+)?$/;

function segmentsOf(key: string): string[] {
  const segments = key.split("/");
  if (key.length > 200 || !segments.every((segment) => SEGMENT.test(segment))) {
    throw new InvalidMediaKey(`Invalid media key: ${JSON.stringify(key)}`);
  }
  return segments;
}

export class FileMediaStorage implements MediaStorage {
  constructor(readonly root: string) {}

  /** The key's file path; the containment check backs up the segment rule, should that ever loosen. */
  private pathOf(key: string): string {
    const resolved = path.resolve(this.root, ...segmentsOf(key));
    if (!resolved.startsWith(path.resolve(this.root) + path.sep)) {
      throw new InvalidMediaKey(`Invalid media key: ${JSON.stringify(key)}`);
    }
    return resolved;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // A reader (or a crash) must never see half a file: write aside, then rename in one step.
    const temp = path.join(path.dirname(target), `.tmp-${crypto.randomUUID()}`);
    try {
      await fs.writeFile(temp, bytes, { flag: "wx" });
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return null;
      throw error;
    }
  }

  async delete(prefix: string): Promise<void> {
    await fs.rm(this.pathOf(prefix.replace(/\/$/, "")), { recursive: true, force: true });
  }

  async check(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true });
    await fs.access(this.root, fs.constants.W_OK);
  }

  async *list(): AsyncIterable<string> {
    const entries = await fs.readdir(this.root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const key = path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      // Temp files of a write under way are not stored media.
      if (key.split("/").every((segment) => SEGMENT.test(segment))) yield key;
    }
  }
}

/** Files under DATA_DIR/media, read when called so DATA_DIR set after import still counts. */
export function mediaStorage(): MediaStorage {
  return new FileMediaStorage(path.join(resolveDataDir(), "media"));
}
