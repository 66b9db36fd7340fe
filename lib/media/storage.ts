import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { S3MediaStorage } from "./s3-storage";
import { mediaStorageConfig } from "./storage-config";

/** What a store knows about one object without reading it. */
export type MediaObjectInfo = { size: number; etag: string; modified: Date };

/** Bytes `start` to `end`, both included, as in an HTTP Range header. */
export type ByteRange = { start: number; end: number };

/**
 * Where media files live. Keys look like `<mediaId>/original.jpg`; the interface is the one an
 * object store offers, and the only place the drivers (a local folder, S3) differ.
 */
export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Size, ETag and age of the object, or null when nothing is stored under the key. */
  stat(key: string): Promise<MediaObjectInfo | null>;
  /** The object's bytes (only the range, if given) as they arrive, or null when nothing is stored under the key. */
  stream(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes every file under the prefix, which must name a whole folder such as `<mediaId>`. */
  delete(prefix: string): Promise<void>;
  /** Every stored key, in no particular order (backups and moving between drivers walk these). */
  list(): AsyncIterable<string>;
  /** Resolves when the store can be reached and written; rejects with the reason otherwise (readiness). */
  check(): Promise<void>;
}

export class InvalidMediaKey extends Error {}

/**
 * The store did not answer in time, could not be reached, or refused us (credentials, a missing
 * bucket): nothing a reader or uploader did wrong, and worth trying again later (503).
 */
export class MediaStorageUnavailable extends Error {
  override name = "MediaStorageUnavailable";
}

/** What readers and uploaders are told while the store is unavailable. */
export const MEDIA_STORAGE_UNAVAILABLE = "The image store cannot be reached just now; try again in a moment.";

// Each segment starts with a letter or digit, so ".", "..", hidden and temp files can never be named.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9]+)?$/;

/** The key's segments; throws InvalidMediaKey for anything but plain names separated by single slashes. */
export function segmentsOf(key: string): string[] {
  const segments = key.split("/");
  if (key.length > 200 || !segments.every((segment) => SEGMENT.test(segment))) {
    throw new InvalidMediaKey(`Invalid media key: ${JSON.stringify(key)}`);
  }
  return segments;
}

const isMissing = (error: unknown) => ["ENOENT", "ENOTDIR", "EISDIR"].includes((error as NodeJS.ErrnoException).code ?? "");

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
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async stat(key: string): Promise<MediaObjectInfo | null> {
    try {
      const stats = await fs.stat(this.pathOf(key));
      if (!stats.isFile()) return null;
      // A file is only ever replaced whole (see put), which changes its mtime or size.
      return { size: stats.size, etag: `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`, modified: stats.mtime };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async stream(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // The stream closes the file when it ends or is cancelled.
    return Readable.toWeb(handle.createReadStream(range ?? {})) as ReadableStream<Uint8Array>;
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

// One store per process (Next bundles this module into several chunks; globalThis is shared by all),
// rebuilt only if the configuration changes, as tests do by setting DATA_DIR or MEDIA_STORAGE.
const CURRENT = Symbol.for("masthead.mediaStorage");
type Holder = { [CURRENT]?: { signature: string; storage: MediaStorage } };

/** The configured store (see lib/media/storage-config.ts): DATA_DIR/media unless MEDIA_STORAGE=s3. */
export function mediaStorage(): MediaStorage {
  const config = mediaStorageConfig();
  const signature = JSON.stringify(config);
  const holder = globalThis as Holder;
  if (holder[CURRENT]?.signature !== signature) {
    holder[CURRENT] = { signature, storage: config.driver === "s3" ? new S3MediaStorage(config) : new FileMediaStorage(config.root) };
  }
  return holder[CURRENT].storage;
}
