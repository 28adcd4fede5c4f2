import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The data folder (0700) and the database files (0600) belong to the service's user alone: they hold personal
 * records, the audit trail and the key for stored secrets. The database file is created here, empty, because SQLite
 * gives the -wal and -shm files it creates the database file's mode; files left by an earlier install are narrowed.
 */
export function makeDataPrivate(dataDir: string, databasePath: string | null): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  // On PostgreSQL the folder still holds the key file; there is no database file.
  if (databasePath === null) return;
  mkdirSync(dirname(databasePath), { recursive: true, mode: 0o700 });
  closeSync(openSync(databasePath, 'a', 0o600));
  for (const path of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}
