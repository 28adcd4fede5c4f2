import Database from 'better-sqlite3';

/** Milliseconds a connection waits for another process's write lock (API and workers share the file). */
export const BUSY_TIMEOUT_MS = 5000;

/** A raw connection for the hot paths (workers' batched upserts): same pragmas as the app's. */
export function openSqlite(databasePath: string): Database.Database {
  const db = new Database(databasePath, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return db;
}
