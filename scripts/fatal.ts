import { DataDirError } from "../db/embedded/data-dir";
import { DataDirInUseError } from "../db/embedded/data-dir-lock";
import { MediaStorageUnavailable } from "../lib/media/storage";
import { MediaStorageConfigError } from "../lib/media/storage-config";

/** Known start-up failures are one clear line; anything else is a real bug and keeps its stack. */
export function exitWithError(error: unknown): never {
  if (error instanceof DataDirError || error instanceof DataDirInUseError || error instanceof MediaStorageConfigError || error instanceof MediaStorageUnavailable) {
    console.error(`masthead: ${error.message}`);
  } else if (error instanceof Error && /ECONNREFUSED|ENOTFOUND|password authentication|does not exist/.test(error.message)) {
    console.error(`masthead: cannot reach the database at DATABASE_URL (${error.message}).`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
