import type { SqlDb } from '../../common/database/sql-db';

/** Live and soft-deleted rows of a table with a `deleted_at` column, for a `RecordBrowser.count`. */
export async function countRows(db: SqlDb, table: string): Promise<{ live: number; deleted: number }> {
  const row = await db.get<{ live: number; deleted: number }>(
    `SELECT CAST(COUNT(*) - COUNT(deleted_at) AS INTEGER) AS live, CAST(COUNT(deleted_at) AS INTEGER) AS deleted FROM ${table}`,
  );
  return row!;
}
