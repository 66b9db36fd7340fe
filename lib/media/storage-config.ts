import path from "node:path";
import { resolveDataDir } from "@/db/embedded/data-dir";
import { mediaPublicBase } from "./public-url";

export type S3Config = {
  driver: "s3";
  bucket: string;
  region: string;
  endpoint: string | undefined;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

type Environment = Record<string, string | undefined>;

export type MediaStorageConfig = { driver: "file"; root: string } | S3Config;

/** The media settings in the environment are missing or malformed; `message` is one line for the operator. */
export class MediaStorageConfigError extends Error {
  override name = "MediaStorageConfigError";
}

const S3_VARIABLES = {
  S3_BUCKET: "the bucket's name",
  S3_REGION: "the bucket's region, e.g. us-east-1, or auto for Cloudflare R2",
  S3_ACCESS_KEY_ID: "the access key's id",
  S3_SECRET_ACCESS_KEY: "the access key's secret",
} as const;

/** Which driver stores media, from MEDIA_STORAGE and the S3_* variables; read when called. */
export function mediaStorageConfig(env: Environment = process.env): MediaStorageConfig {
  const driver = env.MEDIA_STORAGE?.trim() || "file";
  if (driver === "file") return { driver, root: path.join(resolveDataDir(), "media") };
  if (driver !== "s3") throw new MediaStorageConfigError(`MEDIA_STORAGE must be "file" (the default) or "s3", not ${JSON.stringify(driver)}.`);
  for (const [name, meaning] of Object.entries(S3_VARIABLES)) {
    if (!env[name]?.trim()) throw new MediaStorageConfigError(`MEDIA_STORAGE=s3 needs ${name} (${meaning}).`);
  }
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !isHttpUrl(endpoint)) throw new MediaStorageConfigError(`S3_ENDPOINT must be an http(s) address, not ${JSON.stringify(endpoint)}.`);
  return {
    driver,
    bucket: env.S3_BUCKET!.trim(),
    region: env.S3_REGION!.trim(),
    endpoint,
    accessKeyId: env.S3_ACCESS_KEY_ID!.trim(),
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!.trim(),
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "1",
  };
}

/** Refuses a bad configuration at start-up, before anyone uploads into it. */
export function checkMediaConfig(env: Environment = process.env): void {
  mediaStorageConfig(env);
  try {
    mediaPublicBase(env);
  } catch (error) {
    throw new MediaStorageConfigError((error as Error).message);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
