import crypto from "node:crypto";
import fs from "node:fs";
import zlib from "node:zlib";
import { BackupError } from "./errors";
import { HEADER_PREFIX, TRAILER_LENGTH, TRAILER_PREFIX } from "./file-format";
import { FORMAT_VERSION, type Manifest, parseManifest } from "./manifest";

export type BackupRecord =
  | { kind: "table"; name: string }
  | { kind: "row"; json: string }
  | { kind: "media"; key: string; bytes: Buffer }
  | { kind: "manifest"; manifest: Manifest };

const NEWLINE = 0x0a;

/** Lines and byte runs out of a stream of chunks, without copying more than each record needs. */
class ChunkReader {
  private chunks: Buffer[] = [];
  private length = 0;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    const next = await this.source.next();
    if (next.done) return false;
    this.chunks.push(next.value);
    this.length += next.value.length;
    return true;
  }

  private take(count: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length);
    this.chunks = all.length > count ? [all.subarray(count)] : [];
    this.length = all.length - count;
    return all.subarray(0, count);
  }

  /** The next line without its newline; null at the clean end of the content. */
  async line(): Promise<string | null> {
    let searched = 0;
    for (;;) {
      let offset = 0;
      for (const chunk of this.chunks) {
        if (offset + chunk.length > searched) {
          const found = chunk.indexOf(NEWLINE, Math.max(0, searched - offset));
          if (found >= 0) return this.take(offset + found + 1).toString("utf8", 0, offset + found);
        }
        offset += chunk.length;
      }
      searched = this.length;
      if (!(await this.fill())) {
        if (this.length > 0) throw damaged("it ends in the middle of a record");
        return null;
      }
    }
  }

  async bytes(count: number): Promise<Buffer> {
    while (this.length < count) {
      if (!(await this.fill())) throw damaged("it ends in the middle of a media file");
    }
    return Buffer.from(this.take(count));
  }
}

function damaged(reason: string): BackupError {
  return new BackupError(`The backup file is damaged (${reason}); nothing was restored.`);
}

/** Checks the header and trailer and returns where the compressed content lies. */
function frame(file: string): { start: number; end: number; expectedSha: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (error) {
    throw new BackupError(`Cannot read the backup file ${file} (${(error as NodeJS.ErrnoException).code ?? error}).`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 64));
    fs.readSync(fd, head, 0, head.length, 0);
    const newline = head.indexOf(NEWLINE);
    const header = head.toString("latin1", 0, newline);
    if (newline < 0 || !header.startsWith(HEADER_PREFIX)) throw new BackupError(`${file} is not a Masthead backup.`);
    const format = Number(header.slice(HEADER_PREFIX.length));
    if (format !== FORMAT_VERSION) {
      throw new BackupError(`${file} is a Masthead backup in format ${header.slice(HEADER_PREFIX.length)}, which this version cannot read (it reads format ${FORMAT_VERSION}): restore it with a newer Masthead.`);
    }
    const trailer = Buffer.alloc(TRAILER_LENGTH);
    const trailerAt = size - TRAILER_LENGTH;
    if (trailerAt > newline) fs.readSync(fd, trailer, 0, TRAILER_LENGTH, trailerAt);
    const trailerText = trailer.toString("latin1");
    const expectedSha = trailerText.slice(TRAILER_PREFIX.length, -1);
    if (trailerAt <= newline || !trailerText.startsWith(TRAILER_PREFIX) || !/^[0-9a-f]{64}$/.test(expectedSha) || !trailerText.endsWith("\n")) {
      throw damaged("it is incomplete: its end marker is missing, so it was probably truncated");
    }
    return { start: newline + 1, end: trailerAt, expectedSha };
  } finally {
    fs.closeSync(fd);
  }
}

/** Every record of the file, in order; the caller decides what to check or load. */
export async function* readRecords(file: string): AsyncGenerator<BackupRecord> {
  const { start, end } = frame(file);
  if (end === start) throw damaged("it has no content");
  const input = fs.createReadStream(file, { start, end: end - 1 });
  const gunzip = zlib.createGunzip();
  input.on("error", (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const reader = new ChunkReader(gunzip[Symbol.asyncIterator]());
  try {
    for (;;) {
      const line = await reader.line();
      if (line === null) return;
      const space = line.indexOf(" ");
      const kind = space < 0 ? line : line.slice(0, space);
      const rest = space < 0 ? "" : line.slice(space + 1);
      if (kind === "row") yield { kind, json: rest };
      else if (kind === "table") yield { kind, name: parseJson<{ name: string }>(rest).name };
      else if (kind === "media") {
        const { key, size } = parseJson<{ key: string; size: number }>(rest);
        if (!Number.isSafeInteger(size) || size < 0) throw damaged("a media record cannot be read");
        const bytes = await reader.bytes(size + 1);
        if (bytes[size] !== NEWLINE) throw damaged("a media file's length does not match its record");
        yield { kind, key, bytes: bytes.subarray(0, size) };
      } else if (kind === "manifest") {
        const manifest = parseManifest(rest);
        if (!manifest) throw damaged("its manifest cannot be read");
        yield { kind, manifest };
      } else throw damaged(`it holds an unknown record "${kind.slice(0, 20)}"`);
    }
  } catch (error) {
    // zlib's own errors (a bad block, a wrong length) say little to an operator.
    if (error instanceof BackupError) throw error;
    throw damaged("its compressed content cannot be read");
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function parseJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw damaged("a record cannot be read");
  }
}

/** The SHA-256 of the header and content, compared with the trailer's. */
async function checkChecksum(file: string): Promise<void> {
  const { end, expectedSha } = frame(file);
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file, { start: 0, end: end - 1 })) hash.update(chunk as Buffer);
  if (hash.digest("hex") !== expectedSha) throw damaged("its checksum does not match its content, so some bytes changed");
}

/**
 * Reads the whole file before anything is restored: checksum, structure, and every count against
 * the manifest, which closes the file. Returns the manifest of a sound file; throws otherwise.
 */
export async function verifyBackup(file: string): Promise<Manifest> {
  await checkChecksum(file);
  const rows = new Map<string, number>();
  let table: string | undefined;
  let media = { files: 0, bytes: 0 };
  let manifest: Manifest | undefined;
  for await (const record of readRecords(file)) {
    if (manifest) throw damaged("it holds records after its manifest");
    if (record.kind === "table") {
      if (rows.has(record.name)) throw damaged(`it holds the table ${record.name} twice`);
      table = record.name;
      rows.set(table, 0);
    } else if (record.kind === "row") {
      if (!table) throw damaged("it holds a row outside a table");
      rows.set(table, rows.get(table)! + 1);
    } else if (record.kind === "media") {
      table = undefined;
      media = { files: media.files + 1, bytes: media.bytes + record.bytes.length };
    } else manifest = record.manifest;
  }
  if (!manifest) throw damaged("its manifest is missing");
  const counted = JSON.stringify([...rows].map(([name, count]) => ({ name, rows: count })));
  if (counted !== JSON.stringify(manifest.tables) || media.files !== manifest.media.files || media.bytes !== manifest.media.bytes) {
    throw damaged("its content does not match its manifest");
  }
  return manifest;
}
