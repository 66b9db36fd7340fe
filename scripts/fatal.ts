import { DataDirError } from "../db/embedded/data-dir";
import { DataDirInUseError } from "../db/embedded/data-dir-lock";
import { BackupError } from "../lib/backup/errors";
import { MediaStorageUnavailable } from "../lib/media/storage";
import { MediaStorageConfigError } from "../lib/media/storage-config";

const ONE_LINE_ERRORS = [DataDirError, DataDirInUseError, BackupError, MediaStorageConfigError, MediaStorageUnavailable];
const saysItAll = (error: unknown): error is Error => ONE_LINE_ERRORS.some((kind) => error instanceof kind);

/** Known start-up failures are one clear line; anything else is a real bug and keeps its stack. */
export function exitWithError(error: unknown): never {
  if (saysItAll(error)) {
    console.error(`masthead: ${error.message}`);
  } else if (error instanceof Error && /ECONNREFUSED|ENOTFOUND|password authentication|does not exist/.test(error.message)) {
    console.error(`masthead: cannot reach the database at DATABASE_URL (${error.message}).`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
