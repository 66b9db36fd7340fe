import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { BackupError } from "./errors";
import { headerLine, type RecordKind, trailerLine } from "./file-format";
import { FORMAT_VERSION } from "./manifest";

/** Streams records into `<file>.partial` and renames it to the file only once it is complete. */
export class BackupWriter {
  private readonly gzip = zlib.createGzip();
  private readonly hash = crypto.createHash("sha256");
  private readonly out: fs.WriteStream;
  private readonly piped: Promise<void>;

  private constructor(
    readonly file: string,
    private readonly partial: string,
  ) {
    this.out = fs.createWriteStream(partial, { mode: 0o600 });
    const header = Buffer.from(headerLine(FORMAT_VERSION));
    this.hash.update(header);
    this.out.write(header);
    const hash = this.hash;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    this.piped = pipeline(this.gzip, tap, this.out, { end: false });
    // Surfaced by the next write or by finish(); never an unhandled rejection meanwhile.
    this.piped.catch(() => {});
  }

  static open(file: string): BackupWriter {
    if (fs.existsSync(file)) throw new BackupError(`${file} already exists: choose a new file name for the backup.`);
    return new BackupWriter(file, `${file}.partial`);
  }

  async record(kind: RecordKind, value: unknown): Promise<void> {
    await this.write(`${kind} ${JSON.stringify(value)}\n`);
  }

  /** A row as PostgreSQL printed it (to_jsonb(...)::text): passed through, never parsed. */
  async row(json: string): Promise<void> {
    await this.write(`row ${json}\n`);
  }

  async media(key: string, bytes: Buffer): Promise<void> {
    await this.record("media", { key, size: bytes.length });
    await this.write(bytes);
    await this.write("\n");
  }

  /** Ends the content, appends the checksum and puts the file in place; returns its size. */
  async finish(): Promise<number> {
    this.gzip.end();
    await this.piped;
    this.out.end(trailerLine(this.hash.digest("hex")));
    await once(this.out, "close");
    fs.renameSync(this.partial, this.file);
    return fs.statSync(this.file).size;
  }

  async abandon(): Promise<void> {
    this.gzip.destroy();
    // After a failed open or write the stream may already be closed, and 'close' will not come again.
    if (!this.out.closed) {
      const closed = once(this.out, "close").catch(() => {});
      this.out.destroy();
      await closed;
    }
    fs.rmSync(this.partial, { force: true });
  }

  private async write(data: string | Buffer): Promise<void> {
    if (!this.gzip.write(data)) {
      await Promise.race([once(this.gzip, "drain"), this.piped]);
    }
  }
}
