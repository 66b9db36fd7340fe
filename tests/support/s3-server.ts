import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

/**
 * A real S3 protocol server on loopback (s3rver), holding its objects in a folder of its own. For
 * Vitest and Playwright alike: start one per test file, give an app (or the test process) `env`.
 */
export type S3StandIn = {
  /** MEDIA_STORAGE=s3 and the S3_* variables for this server's bucket. */
  env: Record<string, string>;
  endpoint: string;
  bucket: string;
  /** Every key in the bucket, sorted. */
  keys(): Promise<string[]>;
  /** An object's bytes as the bucket holds them, or null. */
  read(key: string): Promise<Buffer | null>;
  /** Makes an object look as old as `when` (s3rver dates objects by their file's mtime). */
  backdate(key: string, when: Date): void;
  /** An outage: stops answering (connections refused) but keeps the objects. */
  pause(): Promise<void>;
  /** Serves the same objects again on the same port. */
  resume(): Promise<void>;
  /** Stops for good and deletes the objects (afterAll). */
  stop(): Promise<void>;
};

export async function startS3StandIn(bucket = `media-${crypto.randomBytes(4).toString("hex")}`): Promise<S3StandIn> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-s3-"));
  const open = async (port: number) => {
    const server = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
    return { server, port: (await server.run()).port };
  };
  let running: S3rver | null;
  const first = await open(0);
  running = first.server;
  const endpoint = `http://127.0.0.1:${first.port}`;
  const env = {
    MEDIA_STORAGE: "s3",
    S3_BUCKET: bucket,
    S3_REGION: "us-east-1",
    S3_ENDPOINT: endpoint,
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "1",
  };
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const pause = async () => {
    const server = running;
    running = null;
    if (!server) return;
    const closed = server.close();
    // Keep-alive sockets would otherwise hold close() open until they time out.
    server.httpServer?.closeAllConnections();
    await closed;
  };
  return {
    env,
    endpoint,
    bucket,
    async keys() {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((object) => object.Key!));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    async read(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return Buffer.from(await object.Body!.transformToByteArray());
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    backdate(key, when) {
      const segments = key.split("/");
      fs.utimesSync(path.join(directory, bucket, ...segments.slice(0, -1), `${segments.at(-1)}._S3rver_object`), when, when);
    },
    pause,
    async resume() {
      if (!running) running = (await open(first.port)).server;
    },
    async stop() {
      await pause();
      client.destroy();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
