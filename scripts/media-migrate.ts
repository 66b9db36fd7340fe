/**
 * `npm run media:migrate`: copies every upload under DATA_DIR/media into the configured bucket
 * (MEDIA_STORAGE=s3), so a newsroom can switch drivers. Files the bucket already holds with the
 * same size are skipped: run it again after an interruption and it carries on.
 */
import path from "node:path";
import { resolveDataDir } from "../db/embedded/data-dir";
import { copyMedia, type CopyProgress } from "../lib/media/maintenance";
import { FileMediaStorage, mediaStorage } from "../lib/media/storage";
import { MediaStorageConfigError, mediaStorageConfig } from "../lib/media/storage-config";
import { exitWithError } from "./fatal";
import { formatBytes } from "./format-bytes";

const line = (p: CopyProgress) => `${p.done} of ${p.total} files: ${p.copied} copied (${formatBytes(p.bytes)}), ${p.skipped} already there`;

async function main() {
  const config = mediaStorageConfig();
  if (config.driver !== "s3") {
    throw new MediaStorageConfigError("media:migrate copies DATA_DIR/media into a bucket: set MEDIA_STORAGE=s3 and the S3_* variables first.");
  }
  const source = new FileMediaStorage(path.join(resolveDataDir(), "media"));
  console.log(`Copying ${source.root} into the bucket ${config.bucket}.`);
  const tty = process.stdout.isTTY;
  const result = await copyMedia(source, mediaStorage(), (progress) => {
    // On a terminal one line keeps moving; in a log, a line every 100 files and at the end.
    if (tty) process.stdout.write(`\r${line(progress)}`);
    else if (progress.done % 100 === 0 || progress.done === progress.total) console.log(line(progress));
  });
  if (tty) process.stdout.write("\n");
  console.log(result.total === 0 ? "Nothing to copy: DATA_DIR/media holds no uploads." : `Done: all ${result.total} files are in the bucket ${config.bucket}.`);
}

main().catch(exitWithError);
