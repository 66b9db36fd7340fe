import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { mediaContentType } from "./file-names";
import { type ByteRange, type MediaObjectInfo, type MediaStorage, MediaStorageUnavailable, segmentsOf } from "./storage";
import type { S3Config } from "./storage-config";

/**
 * Bounds on every call, so an unreachable store costs a reader or an uploader a few seconds, not a
 * hung request: connecting, then waiting on a quiet socket, each at most once more on retry.
 */
const CONNECT_TIMEOUT_MS = 2_000;
const SOCKET_TIMEOUT_MS = 5_000;
const ATTEMPTS = 2;
/** Calls that carry no file (a look-up, a listing, a delete) get one deadline for all attempts. */
const SMALL_CALL_MS = 4_000;
const deadline = () => ({ abortSignal: AbortSignal.timeout(SMALL_CALL_MS) });

type SdkError = { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };

// A missing bucket is also a 404, but it is the operator's mistake, not a missing file.
const isMissingObject = (error: SdkError) =>
  error.name !== "NoSuchBucket" && (error.name === "NotFound" || error.name === "NoSuchKey" || error.$metadata?.httpStatusCode === 404);

/** S3-compatible object storage: AWS S3, Cloudflare R2, MinIO, Backblaze B2, Ceph. */
export class S3MediaStorage implements MediaStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(readonly config: S3Config) {
    // The SDK is pinned; its notice is about later versions dropping Node 20, not about this one.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      maxAttempts: ATTEMPTS,
      requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: SOCKET_TIMEOUT_MS },
      // Third-party stores (and the tests' stand-in) do not all speak the SDK's newer default checksums.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  /** Runs one call; a missing object answers null (unless it `mustExist`), every other failure is MediaStorageUnavailable. */
  private async call<T>(run: () => Promise<T>, mustExist = false): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      if (!mustExist && isMissingObject(error as SdkError)) return null;
      const reason = (error as SdkError).message || (error as SdkError).name || String(error);
      throw new MediaStorageUnavailable(`The media bucket ${this.bucket} cannot be used: ${reason}`, { cause: error });
    }
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    segmentsOf(key);
    const contentType = mediaContentType(key.slice(key.lastIndexOf("/") + 1)) ?? "application/octet-stream";
    await this.call(() => this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType })), true);
  }

  async get(key: string): Promise<Buffer | null> {
    segmentsOf(key);
    return this.call(async () => {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return Buffer.from(await object.Body!.transformToByteArray());
    });
  }

  async stat(key: string): Promise<MediaObjectInfo | null> {
    segmentsOf(key);
    return this.call(async () => {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }), deadline());
      return { size: head.ContentLength ?? 0, etag: head.ETag ?? `"${head.ContentLength}"`, modified: head.LastModified ?? new Date(0) };
    });
  }

  async stream(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    segmentsOf(key);
    return this.call(async () => {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return object.Body!.transformToWebStream() as ReadableStream<Uint8Array>;
    });
  }

  async delete(prefix: string): Promise<void> {
    const folder = `${segmentsOf(prefix.replace(/\/$/, "")).join("/")}/`;
    // One by one: a media folder holds a handful of files, and multi-object delete needs a
    // checksum header that not every S3-compatible store accepts.
    for await (const key of this.keys(folder)) {
      await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), deadline()));
    }
  }

  list(): AsyncIterable<string> {
    return this.keys("");
  }

  async check(): Promise<void> {
    await this.call(() => this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), deadline()), true);
  }

  private async *keys(prefix: string): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.call(
        () => this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix || undefined, ContinuationToken: token }), deadline()),
        true,
      );
      for (const object of page?.Contents ?? []) if (object.Key) yield object.Key;
      token = page?.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}
