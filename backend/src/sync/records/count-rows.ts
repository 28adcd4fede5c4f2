import type Database from 'better-sqlite3';

/** Live and soft-deleted rows of a table with a `deleted_at` column, for a `RecordBrowser.count`. */
export function countRows(db: Database.Database, table: string): { live: number; deleted: number } {
  return db.prepare<[], { live: number; deleted: number }>(`SELECT COUNT(*) - COUNT(deleted_at) AS live, COUNT(deleted_at) AS deleted FROM ${table}`).get()!;
}
