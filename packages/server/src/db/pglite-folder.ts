import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A PGlite data folder the server must not open: the message names the folder and why. */
export class DataFolderError extends Error {
  override name = 'DataFolderError';
}

/** In-memory and IndexedDB targets have no folder to check. */
const isFolder = (dataDir: string) => !/^[a-z]+:\/\//i.test(dataDir);

/**
 * Refuses, before PGlite touches it, a folder PGlite would silently re-initialize (and the bin
 * re-seed: the data gone) or fail on with a message that names nothing: one that holds files
 * but no PG_VERSION (not a Postgres data folder), one that is not a folder, or one the process
 * cannot write. A missing or empty folder is fine: PGlite initializes it.
 */
export function checkPgliteFolder(dataDir: string): void {
  if (!isFolder(dataDir) || !existsSync(dataDir)) return;
  if (!statSync(dataDir).isDirectory()) {
    throw new DataFolderError(`PGlite data folder ${dataDir} is a file, not a folder`);
  }
  const entries = readdirSync(dataDir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DataFolderError(
      `PGlite data folder ${dataDir} is not empty but holds no PG_VERSION: it is not a ` +
        'database folder (refusing to initialize over its files). Point RESALE_KIT_DATA_DIR ' +
        'at an empty or missing folder, or at a PGlite folder.',
    );
  }
  try {
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (err) {
    throw new DataFolderError(
      `PGlite data folder ${dataDir} cannot be opened for writing (${(err as NodeJS.ErrnoException).code ?? 'no access'})`,
    );
  }
  if (entries.includes('PG_VERSION')) {
    try {
      accessSync(join(dataDir, 'PG_VERSION'), constants.R_OK);
    } catch (err) {
      throw new DataFolderError(
        `PGlite data folder ${dataDir}: PG_VERSION is not readable (${(err as NodeJS.ErrnoException).code})`,
      );
    }
  }
}
