/**
 * `npm run backup -- <file>`: the whole newsroom (database and media) in one file, while it runs.
 * Uses DATABASE_URL if set, otherwise the embedded database in DATA_DIR (through its server if one runs).
 */
import { prepareDataDir, resolveDataDir } from "../db/embedded/data-dir";
import { writeBackup } from "../lib/backup/backup";
import { openBackupSource } from "../lib/backup/database-target";
import { describeBackup } from "../lib/backup/describe";
import { mediaStorage } from "../lib/media/storage";
import { exitWithError } from "./fatal";
import { fileArgument } from "./file-argument";

async function main() {
  const file = fileArgument("backup");
  const dataDir = resolveDataDir();
  prepareDataDir(dataDir);
  const source = await openBackupSource(dataDir);
  try {
    const summary = await writeBackup(file, source, mediaStorage());
    console.log(describeBackup(summary));
  } finally {
    await source.stop();
  }
}

main().catch(exitWithError);
