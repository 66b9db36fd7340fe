/**
 * `npm run restore -- <file>`: loads a backup into an empty database (DATABASE_URL, or the embedded
 * one in DATA_DIR, whose server must be stopped) and an empty media store.
 */
import { prepareDataDir, resolveDataDir } from "../db/embedded/data-dir";
import { openRestoreTarget } from "../lib/backup/database-target";
import { describeRestore } from "../lib/backup/describe";
import { restoreBackup } from "../lib/backup/restore";
import { mediaStorage } from "../lib/media/storage";
import { exitWithError } from "./fatal";
import { fileArgument } from "./file-argument";

async function main() {
  const file = fileArgument("restore");
  const dataDir = resolveDataDir();
  prepareDataDir(dataDir);
  const summary = await restoreBackup(file, () => openRestoreTarget(dataDir), mediaStorage());
  console.log(describeRestore(file, summary));
}

main().catch(exitWithError);
